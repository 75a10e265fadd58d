using System.Collections.Immutable;
using Orchestrator.Caching;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class ScopeFactsTests
{
    private static readonly ResourceDefinition Postgres = new()
    {
        Name = "postgres",
        Kind = ResourceKind.Postgres,
        Image = "postgres:16.4",
        Ports = [5432],
        Variables = ImmutableDictionary<string, string>.Empty.Add("ORDERS_DB", "Host={host};Port={port};Database={namespace};Password={secret}"),
    };

    private static readonly ScopeFacts Facts = new(
        OutputDigest: "0a",
        TestSettings: "<RunSettings />",
        TestEnvironment: new Dictionary<string, string> { ["TZ"] = "UTC" },
        Resources: [Postgres],
        ImageIds: new Dictionary<string, string> { ["postgres"] = "sha256:1" },
        Runtime: ".NET 10.0.1",
        ToolVersion: "1.0.0",
        DeclaredInputs: new Dictionary<string, string> { ["tests/data/**"] = "0b" });

    private static IReadOnlyList<string> ChangedInputs(ScopeFacts changed) =>
        [.. CacheKey.Of(changed.Inputs()).ChangesSince(CacheKey.Of(Facts.Inputs())).Select(change => change.Name)];

    [Fact]
    public void Each_fact_is_its_own_named_input()
    {
        Assert.Equal(
            ["assembly output", "input tests/data/**", "orchestrator version", "resource postgres", "runtime", "test environment", "test settings"],
            CacheKey.Of(Facts.Inputs()).Inputs.Select(input => input.Name));
    }

    [Fact]
    public void A_changed_variable_template_image_id_or_namespace_setup_changes_only_its_resource()
    {
        var template = Postgres with { Variables = Postgres.Variables.SetItem("ORDERS_DB", "Host={host};Port={port}") };
        var setup = Postgres with { Isolation = IsolationSettings.Shared with { Setup = ["psql", "-c", "CREATE DATABASE {namespace}"] } };

        Assert.Equal(["resource postgres"], ChangedInputs(Facts with { Resources = [template] }));
        Assert.Equal(["resource postgres"], ChangedInputs(Facts with { Resources = [setup] }));
        Assert.Equal(["resource postgres"], ChangedInputs(Facts with { ImageIds = new Dictionary<string, string> { ["postgres"] = "sha256:2" } }));
    }

    [Fact]
    public void Readiness_and_limits_do_not_change_what_tests_see_and_leave_the_key()
    {
        var tuned = Postgres with { Readiness = ReadinessProbe.Default with { Deadline = TimeSpan.FromMinutes(5) }, Concurrency = 1, MemoryLimitBytes = 1 << 30 };

        Assert.Empty(ChangedInputs(Facts with { Resources = [tuned] }));
    }

    [Fact]
    public void The_environment_output_settings_runtime_version_and_declared_inputs_each_change_their_own_input()
    {
        Assert.Equal(["test environment"], ChangedInputs(Facts with { TestEnvironment = new Dictionary<string, string> { ["TZ"] = "Europe/Paris" } }));
        Assert.Equal(["assembly output"], ChangedInputs(Facts with { OutputDigest = "0c" }));
        Assert.Equal(["test settings"], ChangedInputs(Facts with { TestSettings = "<RunSettings><RunConfiguration /></RunSettings>" }));
        Assert.Equal(["runtime"], ChangedInputs(Facts with { Runtime = ".NET 10.0.2" }));
        Assert.Equal(["orchestrator version"], ChangedInputs(Facts with { ToolVersion = "1.0.1" }));
        Assert.Equal(["input tests/data/**"], ChangedInputs(Facts with { DeclaredInputs = new Dictionary<string, string> { ["tests/data/**"] = "0d" } }));
    }
}
