using System.Xml.Linq;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class DotnetTestCommandTests
{
    private static readonly ExecutionUnit Unit = new(
        "integration-postgres#1",
        "integration-postgres",
        "integration",
        ResourceSet.Of("postgres"),
        [new TestKey("A.Tests", "A.Tests.One"), new TestKey("B.Tests", "B.Tests.Two")],
        ["/bin/A.Tests.dll", "/bin/B.Tests.dll"],
        "FullyQualifiedName=A.Tests.One|FullyQualifiedName=B.Tests.Two",
        TimeSpan.FromSeconds(5));

    private static readonly RunOptions Options = new("run1", "/results")
    {
        Timeouts = TimeoutSettings.Default with { TestHang = TimeSpan.FromSeconds(90) },
        HostsPerUnit = 1,
    };

    [Fact]
    public void Command_runs_the_built_assemblies_with_filter_trx_and_hang_timeout()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);

        var command = DotnetTestCommand.For(Unit, paths, Options);

        Assert.Equal(
            ["test", "/bin/A.Tests.dll", "/bin/B.Tests.dll",
             "--results-directory", "/results/integration-postgres_1.r0.a0",
             "--logger", "trx;LogFileName=integration-postgres_1.r0.a0.trx",
             "--blame-hang-timeout", "90s", "--blame-hang-dump-type", "none",
             "--filter", Unit.Filter],
            command.Arguments);
        Assert.Null(command.RunSettings);
    }

    [Fact]
    public void Long_filter_goes_to_a_runsettings_file_instead_of_the_command_line()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 1, 2);

        var command = DotnetTestCommand.For(Unit, paths, Options with { MaxCommandLineFilterLength = 20 });

        Assert.DoesNotContain("--filter", command.Arguments);
        Assert.Equal(["--settings", paths.RunSettingsPath], command.Arguments.TakeLast(2));
        var filter = XDocument.Parse(command.RunSettings!).Root!.Element("RunConfiguration")!.Element("TestCaseFilter")!.Value;
        Assert.Equal(Unit.Filter, filter);
    }

    [Fact]
    public void A_resource_free_unit_over_several_assemblies_runs_their_hosts_side_by_side()
    {
        var free = Unit with { Id = "integration-none#1", PartitionId = "integration-none", Resources = ResourceSet.None };
        var paths = UnitPaths.For("/results", free.Id, 0, 0);

        var command = DotnetTestCommand.For(free, paths, Options with { HostsPerUnit = 4 });

        Assert.Equal(["--settings", paths.RunSettingsPath], command.Arguments.TakeLast(4).Take(2));
        Assert.Equal("2", XDocument.Parse(command.RunSettings!).Root!.Element("RunConfiguration")!.Element("MaxCpuCount")!.Value);
    }

    [Fact]
    public void A_unit_with_resources_runs_its_hosts_one_after_another_since_they_share_its_namespaces()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);

        var command = DotnetTestCommand.For(Unit, paths, Options with { HostsPerUnit = 4 });

        Assert.Null(command.RunSettings);
    }

    [Fact]
    public void With_the_logger_the_progress_collector_replaces_the_blame_collector_unless_dumps_are_asked_for()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);

        var watched = DotnetTestCommand.For(Unit, paths, Options with { LoggerDirectory = "/tools/logger" });
        var dumping = DotnetTestCommand.For(Unit, paths, Options with { LoggerDirectory = "/tools/logger", Timeouts = Options.Timeouts with { HangDump = "mini" } });

        Assert.DoesNotContain("--blame-hang-timeout", watched.Arguments);
        var collector = XDocument.Parse(watched.RunSettings!).Descendants("InProcDataCollector").Single();
        Assert.Equal("/tools/logger/Orchestrator.TestLogger.dll", collector.Attribute("codebase")!.Value);
        Assert.Equal(paths.Directory, collector.Element("Configuration")!.Element("Directory")!.Value);
        Assert.Equal(["--blame-hang-timeout", "90s", "--blame-hang-dump-type", "mini"], dumping.Arguments.SkipWhile(argument => argument != "--blame-hang-timeout").Take(4));
    }

    [Fact]
    public void Configured_logger_directory_adds_the_live_results_logger()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);

        var command = DotnetTestCommand.For(Unit, paths, Options with { LoggerDirectory = "/tools/logger" });

        Assert.Contains("--test-adapter-path:/tools/logger", command.Arguments);
        Assert.Contains($"orchestrator;mode=run;path={paths.LiveResultsPath}", command.Arguments);
    }

    [Fact]
    public void Filter_values_escape_the_filter_languages_special_characters()
    {
        var filter = VsTestFilter.ForNames([new TestKey("A", "A.B(x=1)|C"), new TestKey("A", "A.D"), new TestKey("A", "A.D")]);

        Assert.Equal(@"FullyQualifiedName=A.B\(x\=1\)\|C|FullyQualifiedName=A.D", filter);
    }
}
