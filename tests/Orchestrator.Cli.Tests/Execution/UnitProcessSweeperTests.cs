using Orchestrator.Execution;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>The end of a unit over a table of processes that a test controls: who is killed, who is logged, who is a warning.</summary>
[Trait("Category", "Unit")]
public sealed class UnitProcessSweeperTests
{
    [Fact]
    public async Task Every_process_carrying_the_unit_s_mark_is_killed_and_logged_and_no_other()
    {
        var processes = new FakeProcessTable();
        var sweeper = new UnitProcessSweeper(processes, TimeSpan.FromSeconds(5));
        var mark = sweeper.Mark();
        var other = sweeper.Mark();
        processes.Start(101, "sleep 600", mark.Variable);
        processes.Start(102, "setsid sleep 600", mark.Variable, other.Variable);
        processes.Start(201, "sleep 900", other.Variable);
        var log = new List<string>();

        await sweeper.EndAsync(mark, null, "integration-none#1", log.Add);

        Assert.Equal([101, 102], processes.Killed.Order());
        Assert.True(processes.IsAlive(201));
        Assert.Equal("> 2 process(es) started by the unit were still running when it ended and were killed: pid 101 (sleep 600), pid 102 (setsid sleep 600).", Assert.Single(log));
        Assert.Empty(sweeper.Problems);
    }

    [Fact]
    public async Task A_process_that_survives_being_killed_is_a_warning_naming_it()
    {
        var processes = new FakeProcessTable();
        var sweeper = new UnitProcessSweeper(processes, TimeSpan.FromMilliseconds(200));
        var mark = sweeper.Mark();
        processes.Start(301, "stuck-in-io --forever", mark.Variable, unkillable: true);
        var log = new List<string>();

        await sweeper.EndAsync(mark, null, "integration-postgres#2", log.Add);

        var problem = Assert.Single(sweeper.Problems);
        Assert.Equal(Model.ProblemSeverity.Warning, problem.Severity);
        Assert.Equal("integration-postgres#2", problem.Subject);
        Assert.Contains("1 process(es) started by the unit's tests survived being killed when the unit ended: pid 301 (stuck-in-io --forever)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("kill -9 <pid>", problem.Message, StringComparison.Ordinal);
        Assert.Contains(log, line => line.Contains(problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unit_s_own_process_still_running_is_killed_with_its_tree()
    {
        var processes = new FakeProcessTable();
        var sweeper = new UnitProcessSweeper(processes, TimeSpan.FromSeconds(5));
        processes.Start(401, "dotnet test");

        await sweeper.EndAsync(sweeper.Mark(), 401, "unit-none#1", _ => { });

        Assert.Equal([401], processes.Killed);
    }

    [Fact]
    public void Each_mark_is_a_variable_of_its_own()
    {
        var sweeper = new UnitProcessSweeper(new FakeProcessTable(), TimeSpan.FromSeconds(5));

        var first = sweeper.Mark().Variable;
        var second = sweeper.Mark().Variable;

        Assert.StartsWith(UnitProcessMark.Prefix, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    private sealed class FakeProcessTable : IProcessTable
    {
        private readonly Dictionary<int, (string CommandLine, string[] Variables, bool Unkillable)> _running = [];

        public List<int> Killed { get; } = [];

        public void Start(int pid, string commandLine, params string[] variables) => _running[pid] = (commandLine, variables, false);

        public void Start(int pid, string commandLine, string variable, bool unkillable) => _running[pid] = (commandLine, [variable], unkillable);

        public IReadOnlyList<int> Carrying(string variable) => [.. _running.Where(pair => pair.Value.Variables.Contains(variable)).Select(pair => pair.Key)];

        public void Kill(int processId)
        {
            Killed.Add(processId);
            if (_running.TryGetValue(processId, out var process) && !process.Unkillable)
            {
                _running.Remove(processId);
            }
        }

        public bool IsAlive(int processId) => _running.ContainsKey(processId);

        public string Describe(int processId) => _running.TryGetValue(processId, out var process) ? process.CommandLine : "?";
    }
}
