using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Orchestrator.Execution;

/// <summary>
/// Tells the processes of one unit apart from every other process, so that none outlives the unit: the unit's process is
/// started with an environment variable of its own, which every process it starts inherits, and when the unit ends (passed,
/// failed, timed out, cancelled) every process still carrying it is killed with its descendants.
/// </summary>
/// <remarks>
/// A variable rather than the process tree, session or group: a process whose parent exits is moved to init, out of the
/// tree; a <c>setsid</c> child leaves the session and the group; and the unit's own process shares the orchestrator's session
/// and group, which must not be killed. The environment a process started with survives all of that (Linux shows it in
/// /proc/&lt;pid&gt;/environ). The variable's name is the mark, so a unit of an orchestrator that runs inside another's unit
/// carries both marks, and each end kills only its own unit's processes.
/// </remarks>
internal sealed class UnitProcessMark
{
    public const string Prefix = "ORCHESTRATOR_UNIT_";

    /// <summary>How long killed processes get to die before they count as survivors.</summary>
    public static readonly TimeSpan DeathDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);

    // A process may start another while the first ones are killed.
    private const int Rounds = 3;

    private readonly IProcessTable _processes;
    private readonly TimeSpan _deathDeadline;

    public UnitProcessMark(IProcessTable processes, TimeSpan deathDeadline)
    {
        _processes = processes;
        _deathDeadline = deathDeadline;
        Variable = Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>The variable's name; its value says nothing.</summary>
    public string Variable { get; }

    public const string Value = "1";

    /// <summary>
    /// Kills every process carrying the mark (and the unit's own process <paramref name="root"/> with its tree, should it
    /// still run) and waits for them to die.
    /// </summary>
    public async Task<UnitLeftovers> EndAsync(int? root, CancellationToken ct)
    {
        if (root is { } rootProcess && _processes.IsAlive(rootProcess))
        {
            _processes.Kill(rootProcess);
        }
        var killed = new List<string>();
        IReadOnlyList<int> alive = [];
        for (var round = 0; round < Rounds; round++)
        {
            var carrying = _processes.Carrying(Variable).Where(_processes.IsAlive).ToList();
            if (carrying.Count == 0)
            {
                break;
            }
            foreach (var pid in carrying)
            {
                killed.Add(Named(pid));
                _processes.Kill(pid);
            }
            alive = await AliveAfterDeadlineAsync(carrying, ct).ConfigureAwait(false);
            if (alive.Count > 0)
            {
                break;
            }
        }
        return new UnitLeftovers(killed, [.. alive.Select(Named)]);
    }

    /// <summary>
    /// Kills every process carrying the mark now, without waiting: how a unit on a long-lived <c>vstest.console</c> is
    /// stopped (its test host carries the mark; the console, which serves other units, does not).
    /// </summary>
    public void KillCarriers()
    {
        foreach (var pid in _processes.Carrying(Variable))
        {
            _processes.Kill(pid);
        }
    }

    private string Named(int pid) => $"pid {pid.ToString(CultureInfo.InvariantCulture)} ({_processes.Describe(pid)})";

    private async Task<IReadOnlyList<int>> AliveAfterDeadlineAsync(List<int> killed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var alive = killed.Where(_processes.IsAlive).ToList();
            if (alive.Count == 0 || clock.Elapsed > _deathDeadline)
            {
                return alive;
            }
            await Task.Delay(_pollInterval, ct).ConfigureAwait(false);
        }
    }
}
