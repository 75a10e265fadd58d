using System.Collections.Immutable;
using System.Xml.Linq;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Execution.Settings;
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
    public void A_live_results_path_holding_a_semicolon_goes_to_the_logger_percent_encoded()
    {
        var paths = UnitPaths.For("/work/team;repo/results", Unit.Id, 0, 0);

        var command = DotnetTestCommand.For(Unit, paths, Options with { LoggerDirectory = "/tools/logger" });

        var logger = Assert.Single(command.Arguments, argument => argument.StartsWith("orchestrator;mode=run;", StringComparison.Ordinal));
        Assert.Equal($"orchestrator;mode=run;escapedPath={Uri.EscapeDataString(paths.LiveResultsPath)}", logger);
        Assert.Equal(2, logger.Split(';').Length - 1);
    }

    [Fact]
    public void Filter_values_escape_the_filter_languages_special_characters()
    {
        var filter = VsTestFilter.ForNames([new TestKey("A", "A.B(x=1)|C"), new TestKey("A", "A.D"), new TestKey("A", "A.D")]);

        Assert.Equal(@"FullyQualifiedName=A.B\(x\=1\)\|C|FullyQualifiedName=A.D", filter);
    }
    [Fact]
    public void With_coverage_off_no_collector_is_passed_even_when_the_project_has_one()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var settings = new UnitSettings { CoverageCollectors = ImmutableDictionary<string, string>.Empty.Add("/bin/A.Tests.dll", "/nuget/coverlet.collector/build/net10.0/") };

        var command = DotnetTestCommand.For(Unit, paths, Options with { TestSettings = settings });

        Assert.DoesNotContain(command.Arguments, argument => argument.Contains("coverlet", StringComparison.Ordinal));
        Assert.Null(command.RunSettings);
    }

    [Fact]
    public void With_coverage_on_coverlets_collector_writes_json_and_cobertura_with_the_configured_filters()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var settings = new UnitSettings
        {
            Coverage = new CoverageSettings(true, ["[Shop]*"], ["[*]Shop.Storage.*", "[Shop]Shop.Gen*"], ["GeneratedCode"]),
            CoverageCollectors = ImmutableDictionary<string, string>.Empty.Add("/bin/A.Tests.dll", "/nuget/coverlet.collector/build/net10.0/"),
        };

        var command = DotnetTestCommand.For(Unit, paths, Options with { TestSettings = settings });

        Assert.Contains("--test-adapter-path:/nuget/coverlet.collector/build/net10.0/", command.Arguments);
        Assert.Equal(["--settings", paths.RunSettingsPath], command.Arguments.SkipWhile(argument => argument != "--settings").Take(2));
        var collector = XDocument.Parse(command.RunSettings!).Descendants("DataCollector").Single();
        Assert.Equal("XPlat Code Coverage", collector.Attribute("friendlyName")!.Value);
        var configuration = collector.Element("Configuration")!;
        Assert.Equal("json,cobertura", configuration.Element("Format")!.Value);
        Assert.Equal("[Shop]*", configuration.Element("Include")!.Value);
        Assert.Equal("[*]Shop.Storage.*,[Shop]Shop.Gen*", configuration.Element("Exclude")!.Value);
        Assert.Equal("GeneratedCode", configuration.Element("ExcludeByAttribute")!.Value);
    }

    [Fact]
    public void A_unit_whose_projects_lack_coverlet_gets_no_collector_when_coverage_is_on()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var settings = new UnitSettings { Coverage = CoverageSettings.Default with { Enabled = true } };

        var command = DotnetTestCommand.For(Unit, paths, Options with { TestSettings = settings });

        Assert.Null(command.RunSettings);
    }

    [Fact]
    public void The_teams_settings_are_merged_under_the_orchestrators_filter_results_directory_and_host_count()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var settings = new UnitSettings
        {
            Shared = new RunSettingsLayer("/repo/ci.runsettings", "<RunSettings><RunConfiguration><MaxCpuCount>0</MaxCpuCount></RunConfiguration></RunSettings>"),
            Projects = ImmutableDictionary<string, RunSettingsLayer>.Empty.Add("/bin/B.Tests.dll", new RunSettingsLayer(
                "/repo/B.Tests/b.runsettings",
                "<RunSettings><RunConfiguration><TestCaseFilter>Category!=slow</TestCaseFilter><EnvironmentVariables><B_MODE>ci</B_MODE></EnvironmentVariables></RunConfiguration></RunSettings>")),
            Loggers = ["GitHubActions"],
            Collectors = ["blame"],
        };

        var command = DotnetTestCommand.For(Unit, paths, Options with { TestSettings = settings });

        Assert.DoesNotContain("--filter", command.Arguments);
        var arguments = command.Arguments.ToList();
        Assert.Equal("--logger", arguments[arguments.IndexOf("GitHubActions") - 1]);
        Assert.Equal("--collect", arguments[arguments.IndexOf("blame") - 1]);
        var run = XDocument.Parse(command.RunSettings!).Root!.Element("RunConfiguration")!;
        Assert.Equal(Unit.Filter, run.Element("TestCaseFilter")!.Value);
        Assert.Equal(paths.Directory, run.Element("ResultsDirectory")!.Value);
        Assert.Equal("1", run.Element("MaxCpuCount")!.Value);
        Assert.Equal("ci", run.Element("EnvironmentVariables")!.Element("B_MODE")!.Value);
        Assert.Equal(
            [
                new RunSettingsConflict("RunConfiguration/TestCaseFilter", "/repo/B.Tests/b.runsettings", DotnetTestCommand.OrchestratorSettings),
                new RunSettingsConflict("RunConfiguration/MaxCpuCount", "/repo/ci.runsettings", DotnetTestCommand.OrchestratorSettings),
            ],
            command.Conflicts.OrderByDescending(conflict => conflict.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void A_variable_the_orchestrator_gives_every_unit_is_left_out_of_the_teams_settings_and_named_as_overridden()
    {
        var paths = UnitPaths.For("/results", Unit.Id, 0, 0);
        var settings = new UnitSettings
        {
            Shared = new RunSettingsLayer(
                "/repo/ci.runsettings",
                "<RunSettings><RunConfiguration><EnvironmentVariables><ConnectionStrings__Postgres>Host=localhost</ConnectionStrings__Postgres></EnvironmentVariables></RunConfiguration></RunSettings>"),
            ReservedVariables = ["ConnectionStrings__Postgres"],
        };

        var command = DotnetTestCommand.For(Unit, paths, Options with { TestSettings = settings });

        var run = XDocument.Parse(command.RunSettings!).Root!.Element("RunConfiguration")!;
        Assert.Null(run.Element("EnvironmentVariables"));
        Assert.Equal(
            new RunSettingsConflict("RunConfiguration/EnvironmentVariables/ConnectionStrings__Postgres", "/repo/ci.runsettings", DotnetTestCommand.OrchestratorSettings),
            Assert.Single(command.Conflicts));
    }
}
