using System.Globalization;
using Orchestrator.Docker.Cleanup;
using Xunit;

namespace Orchestrator.Docker.Tests.Cleanup;

[Trait("Category", "Unit")]
public sealed class OrphanRuleTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _ownerStart = _now.AddMinutes(-30);

    private static OrphanRule Rule(Func<int, DateTimeOffset?, bool> isAlive) => new("this-run", "this-host", TimeSpan.FromHours(12), isAlive);

    private static Dictionary<string, string> Labels(string runId, string host, int pid, DateTimeOffset created) => new()
    {
        [ContainerLabels.RunId] = runId,
        [ContainerLabels.OwnerHost] = host,
        [ContainerLabels.OwnerPid] = pid.ToString(CultureInfo.InvariantCulture),
        [ContainerLabels.OwnerStarted] = _ownerStart.ToString("O", CultureInfo.InvariantCulture),
        [ContainerLabels.Created] = created.ToString("O", CultureInfo.InvariantCulture),
    };

    [Fact]
    public void A_container_of_this_run_is_never_an_orphan()
    {
        var verdict = Rule((_, _) => false).Judge(Labels("this-run", "this-host", 42, _now.AddDays(-3)), _now, _now);

        Assert.Null(verdict);
    }

    [Fact]
    public void A_container_whose_owner_process_on_this_host_is_gone_is_an_orphan()
    {
        var verdict = Rule((_, _) => false).Judge(Labels("old-run", "this-host", 42, _now), _now, _now);

        Assert.Contains("42", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_whose_owner_is_alive_is_kept_and_the_owner_start_time_is_checked()
    {
        DateTimeOffset? askedStart = null;
        var verdict = Rule((_, started) =>
        {
            askedStart = started;
            return true;
        }).Judge(Labels("old-run", "this-host", 42, _now), _now, _now);

        Assert.Null(verdict);
        Assert.Equal(_ownerStart, askedStart);
    }

    [Fact]
    public void A_live_run_in_another_pid_namespace_on_the_same_hostname_is_never_swept()
    {
        // Two CI jobs in containers with --network host: one hostname, one engine, separate pids (both may be pid 1).
        var rule = new OrphanRule("this-run", "vm/pid:[4026532001]", TimeSpan.FromHours(12), (_, _) => false);

        var verdict = rule.Judge(Labels("other-job", "vm/pid:[4026532002]", 1, _now.AddMinutes(-5)), _now, _now);

        Assert.Null(verdict);
    }

    [Fact]
    public void The_owner_host_names_this_process_pid_namespace()
    {
        var host = OwnerProcess.Current.Host;

        Assert.StartsWith(Environment.MachineName, host, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.Matches(@"/pid:\[\d+\]$", host);
        }
    }

    [Fact]
    public void A_young_container_from_another_host_is_kept()
    {
        var verdict = Rule((_, _) => false).Judge(Labels("old-run", "other-host", 42, _now.AddHours(-1)), _now, _now);

        Assert.Null(verdict);
    }

    [Fact]
    public void An_old_container_from_another_host_is_an_orphan()
    {
        var verdict = Rule((_, _) => true).Judge(Labels("old-run", "other-host", 42, _now.AddHours(-13)), _now, _now);

        Assert.Contains("other-host", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_owner_labels_the_engine_creation_time_decides()
    {
        var labels = new Dictionary<string, string> { [ContainerLabels.Tool] = ContainerLabels.ToolValue };

        Assert.Null(Rule((_, _) => false).Judge(labels, _now.AddHours(-1), _now));
        Assert.NotNull(Rule((_, _) => false).Judge(labels, _now.AddDays(-1), _now));
    }

    [Fact]
    public void The_current_process_is_alive_and_a_wrong_start_time_is_not()
    {
        var current = OwnerProcess.Current;

        Assert.True(OwnerProcess.IsAlive(current.Pid, current.StartedAt));
        Assert.False(OwnerProcess.IsAlive(current.Pid, current.StartedAt.AddMinutes(-5)));
    }

    [Fact]
    public void A_container_kept_by_up_is_not_an_orphan_while_its_state_file_exists_though_its_owner_is_gone()
    {
        var labels = Labels("up-run", "this-host", 42, _now.AddDays(-3));
        labels[ContainerLabels.KeptBy] = "/work/shop/.orchestrator/up.json";
        var rule = Rule((_, _) => false) with { Kept = new KeptByUp("this-host", path => path == "/work/shop/.orchestrator/up.json") };

        Assert.Null(rule.Judge(labels, _now, _now));
    }

    [Fact]
    public void A_container_kept_by_up_whose_state_file_is_gone_is_an_orphan_naming_the_file()
    {
        var labels = Labels("up-run", "this-host", 42, _now);
        labels[ContainerLabels.KeptBy] = "/work/gone/.orchestrator/up.json";
        var rule = Rule((_, _) => false) with { Kept = new KeptByUp("this-host", _ => false) };

        Assert.Contains("/work/gone/.orchestrator/up.json", rule.Judge(labels, _now, _now), StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_of_an_up_still_starting_is_not_an_orphan_before_its_state_file_is_written()
    {
        var labels = Labels("up-run", "this-host", 42, _now);
        labels[ContainerLabels.KeptBy] = "/work/starting/.orchestrator/up.json";
        var rule = Rule((pid, _) => pid == 42) with { Kept = new KeptByUp("this-host", _ => false) };

        Assert.Null(rule.Judge(labels, _now, _now));
    }

    [Fact]
    public void A_container_kept_by_up_on_another_host_is_kept_at_any_age()
    {
        var labels = Labels("up-run", "other-host", 42, _now.AddDays(-30));
        labels[ContainerLabels.KeptBy] = "/elsewhere/.orchestrator/up.json";
        var rule = Rule((_, _) => false) with { Kept = new KeptByUp("this-host", _ => false) };

        Assert.Null(rule.Judge(labels, _now, _now));
    }
}
