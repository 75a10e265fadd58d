using CliWrap;
using CliWrap.Buffered;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>
/// A small xunit project, generated in its own temporary directory (outside the repository, so the
/// repository's build settings do not apply) and built once per test class. Its tests carry several
/// resource values and names that exercise the filter grammar: nested classes, theories, generic methods.
/// </summary>
public sealed class FilterFixtureProject : IAsyncLifetime
{
    private const string Assembly = "Fixture.Selection.Tests";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("orchestrator-filter-fixture-");

    public string AssemblyPath => Path.Combine(_root.FullName, "out", Assembly + ".dll");

    /// <summary>The tests of the project as discovery reports them (one per fully qualified name).</summary>
    public TestInventory Inventory { get; } = new(
    [
        Test("Fixture.Suite.Plain.Adds", "unit", "Unit"),
        Test("Fixture.Suite.Plain.Subtracts", "unit", "Unit"),
        Test("Fixture.Suite.Untagged.Defaults", "unit", category: null),
        Test("Fixture.Suite.Outer+Inner.Nested", "integration", "Integration"),
        Test("Fixture.Suite.Outer+Inner.NestedToo", "integration", "Integration"),
        Test("Fixture.Suite.Db.Reads", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Rows", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Generic", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Db.Writes", "integration", "Integration", "postgres"),
        Test("Fixture.Suite.Joined.Syncs", "integration", "Integration", "postgres", "redis"),
        Test("Fixture.Suite.Joined.Replays", "integration", "Integration", "postgres", "redis"),
        Test("Fixture.Suite.Cache.Hits", "integration", "Integration", "redis"),
        Test("Fixture.Suite.Queue.Publishes", "integration", "Integration", "rabbitmq"),
        Test("Fixture.Suite.Browser.Checks", "e2e", "E2E", "postgres", "redis", "rabbitmq"),
    ], []);

    public async Task InitializeAsync()
    {
        var versions = Adoption.PackageVersions.FromRepository();
        await File.WriteAllTextAsync(Path.Combine(_root.FullName, Assembly + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="xunit" Version="{versions["xunit"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{versions["xunit.runner.visualstudio"]}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(_root.FullName, "Tests.cs"), Source);

        await FixtureBuild.RunAsync("the filter fixture", _root.FullName, ["-c", "Release", "-o", Path.Combine(_root.FullName, "out"), "-nologo", "-p:TreatWarningsAsErrors=false"], Timeout.InfiniteTimeSpan);
    }

    /// <summary>Fully qualified names <c>dotnet test --list-tests --filter</c> lists for <paramref name="filter"/>.</summary>
    public async Task<IReadOnlySet<string>> ListAsync(string filter, CancellationToken ct)
    {
        var list = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["test", AssemblyPath, "--list-tests", "--filter", filter])
            .WithWorkingDirectory(_root.FullName)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException($"Listing with filter '{filter}' failed ({list.ExitCode}):\n{list.StandardOutput}\n{list.StandardError}");
        }
        return list.StandardOutput
            .Split('\n')
            .SkipWhile(line => !line.Contains("The following Tests are available", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(FullyQualifiedName)
            .ToHashSet(StringComparer.Ordinal);
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>xunit lists display names: the name, then type arguments or theory data (<c>Db.Rows(value: 1)</c>, <c>Db.Generic&lt;Int32&gt;(…)</c>).</summary>
    private static string FullyQualifiedName(string displayName)
    {
        var cut = displayName.IndexOfAny(['(', '<']);
        return cut < 0 ? displayName : displayName[..cut];
    }

    private static DiscoveredTest Test(string name, string layer, string? category, params string[] resources)
    {
        var traits = new List<TestTrait>();
        if (category is not null)
        {
            traits.Add(new TestTrait("Category", category));
        }
        traits.AddRange(resources.Select(resource => new TestTrait("Resource", resource)));
        return new DiscoveredTest(
            new TestKey(Assembly, name),
            name,
            Path.Combine(Path.GetTempPath(), "unused", Assembly + ".dll"),
            null,
            layer,
            ResourceSet.Of(resources),
            traits,
            category is null ? TraitOrigin.Default : TraitOrigin.Trait,
            TraitOrigin.Trait);
    }

    private const string Source = """
        using Xunit;

        namespace Fixture.Suite;

        public class Plain
        {
            [Fact, Trait("Category", "Unit")] public void Adds() { }
            [Fact, Trait("Category", "Unit")] public void Subtracts() { }
        }

        public class Untagged
        {
            [Fact] public void Defaults() { }
        }

        public class Outer
        {
            public class Inner
            {
                [Fact, Trait("Category", "Integration")] public void Nested() { }
                [Fact, Trait("Category", "Integration")] public void NestedToo() { }
            }
        }

        [Trait("Category", "Integration"), Trait("Resource", "postgres")]
        public class Db
        {
            [Fact] public void Reads() { }
            [Theory, InlineData(1), InlineData(2)] public void Rows(int value) => Assert.True(value > 0);
            [Theory, InlineData(1), InlineData("text")] public void Generic<T>(T value) => Assert.NotNull(value);
            [Fact] public void Writes() { }
        }

        [Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
        public class Joined
        {
            [Fact] public void Syncs() { }
            [Fact] public void Replays() { }
        }

        public class Cache
        {
            [Fact, Trait("Category", "Integration"), Trait("Resource", "redis")] public void Hits() { }
        }

        public class Queue
        {
            [Fact, Trait("Category", "Integration"), Trait("Resource", "rabbitmq")] public void Publishes() { }
        }

        public class Browser
        {
            [Fact, Trait("Category", "E2E"), Trait("Resource", "postgres"), Trait("Resource", "redis"), Trait("Resource", "rabbitmq")]
            public void Checks() { }
        }
        """;
}
