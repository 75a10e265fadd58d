using System.Diagnostics;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>
/// A small xunit project, generated and built once per test class in a temp directory outside the
/// repository (so the repository's build conventions do not apply), whose tests pass, fail, crash the
/// host, hang, flake and take their time: the real behaviours execution must handle.
/// </summary>
public sealed class FixtureProject : IAsyncLifetime
{
    public const string AssemblyName = "Fixture.Tests";
    public const string ClassName = "Fixture.Behaviours";

    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>Fixture.Tests</AssemblyName>
            <IsPackable>false</IsPackable>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
        </Project>
        """;

    private const string TestsFile = """
        using Xunit;

        [assembly: CollectionBehavior(DisableTestParallelization = true)]

        namespace Fixture;

        public class Behaviours
        {
            [Fact] public void Passes_one() => Assert.True(true);
            [Fact] public void Passes_two() => Assert.Equal(2, 1 + 1);
            [Fact] public void Fails() => Assert.Fail("fixture failure on purpose");
            [Fact] public void Crashes() => Environment.FailFast("fixture crash on purpose");

            [Fact]
            public void Crashes_after_working()
            {
                // Crashes its host once the host has reported it running (not the instant it starts): it polls the
                // orchestrator's progress files in FIXTURE_PROGRESS_DIR for its own start, with a deadline.
                var directory = Environment.GetEnvironmentVariable("FIXTURE_PROGRESS_DIR") ?? throw new InvalidOperationException("FIXTURE_PROGRESS_DIR not set");
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && !StartReported(directory, nameof(Crashes_after_working)))
                {
                    Thread.Sleep(50);
                }
                Environment.FailFast("fixture crash on purpose, after working");
            }

            private static bool StartReported(string directory, string test) =>
                Directory.Exists(directory) && Directory.EnumerateFiles(directory, "progress.*.jsonl").Any(file =>
                {
                    using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                    return reader.ReadToEnd().Contains(test, StringComparison.Ordinal);
                });
            [Fact] public void Hangs() => new ManualResetEventSlim(false).Wait();
            [Fact] public void Sees_environment() => Assert.Equal("from-orchestrator", Environment.GetEnvironmentVariable("FIXTURE_VALUE"));

            [Fact]
            public void Slow()
            {
                if (Environment.GetEnvironmentVariable("FIXTURE_STARTED_MARKER") is { } started)
                {
                    File.WriteAllText(started, Environment.ProcessId.ToString());
                }
                Thread.Sleep(int.Parse(Environment.GetEnvironmentVariable("FIXTURE_SLOW_MS") ?? "1500"));
            }

            [Fact]
            public void Flaky()
            {
                var marker = Environment.GetEnvironmentVariable("FIXTURE_FLAKY_MARKER") ?? throw new InvalidOperationException("FIXTURE_FLAKY_MARKER not set");
                if (!File.Exists(marker))
                {
                    File.WriteAllText(marker, "first attempt");
                    Assert.Fail("flaky: fails the first time");
                }
            }
        }
        """;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "orchestrator-execution-fixture-" + Guid.NewGuid().ToString("N")[..12]);

    public string AssemblyPath => Path.Combine(Directory, "out", AssemblyName + ".dll");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(Path.Combine(Directory, AssemblyName + ".csproj"), ProjectFile);
        await File.WriteAllTextAsync(Path.Combine(Directory, "Behaviours.cs"), TestsFile);
        await FixtureBuild.RunAsync("the fixture project", Directory, ["-c", "Release", "-o", "out", "-nologo", "-clp:NoSummary"], TimeSpan.FromMinutes(5));
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process of a failed test may still hold a file; the temp directory is cleaned eventually.
        }
        return Task.CompletedTask;
    }

    public static TestKey Test(string method) => new(AssemblyName, $"{ClassName}.{method}");

    public ExecutionUnit Unit(string id, string partitionId, TimeSpan expected, ResourceSet resources, params string[] methods)
    {
        var tests = methods.Select(Test).ToList();
        return new ExecutionUnit(id, partitionId, "integration", resources, tests, [AssemblyPath], Orchestrator.Planning.VsTestFilter.ForNames(tests), expected);
    }

    public ExecutionUnit Unit(string id, params string[] methods) => Unit(id, "integration-none", TimeSpan.FromSeconds(1), ResourceSet.None, methods);

    public static TestPlan Plan(params ExecutionUnit[] units) =>
        new(
            "commit",
            [.. units.GroupBy(unit => unit.PartitionId).Select(group => new Partition(group.Key, group.First().Layer, group.First().Resources, [.. group]))],
            [],
            new PlanPrediction(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 1));

    /// <summary>The process and all its descendants alive now (Linux /proc).</summary>
    public static IReadOnlyList<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var pid) && TryParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(pair => pair.Value == tree[i]).Select(pair => pair.Key));
        }
        return tree;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static readonly TimeSpan _defaultPollInterval = TimeSpan.FromMilliseconds(50);

    public static Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within) =>
        EventuallyAsync(() => Task.FromResult(condition()), within, _defaultPollInterval);

    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until it holds or <paramref name="within"/> has passed.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(interval);
        }
        return await condition();
    }

    private static int? TryParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
