using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Reporting;

/// <summary>
/// A small xunit project built once in a temporary directory outside the repository (so the repository's
/// Directory.Build.* do not apply), with a passing, a failing, a skipped and a flaky test (fails until a
/// marker file exists, then passes). Package versions are the repository's central versions.
/// </summary>
public sealed class XunitFixtureProject : IAsyncLifetime
{
    public const string AssemblyName = "Fx.Sample";
    public const string Passing = "Fx.Sample.CalcTests.Adds_numbers";
    public const string Failing = "Fx.Sample.CalcTests.Divides_badly";
    public const string Skipped = "Fx.Sample.CalcTests.Not_today";
    public const string Flaky = "Fx.Sample.CalcTests.Passes_the_second_time";

    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(4);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("orchestrator-fx-").FullName;

    private Task<(string First, string Retry)>? _runAndRetry;

    /// <summary>
    /// Once per fixture: a full run (flaky and failing tests fail) and a re-run of the failed tests
    /// (flaky passes, failing fails again), as the run pipeline does. Returns both TRX paths.
    /// </summary>
    public Task<(string First, string Retry)> RunAndRetryAsync() => _runAndRetry ??= RunAndRetryCoreAsync();

    private async Task<(string First, string Retry)> RunAndRetryCoreAsync()
    {
        var results = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "results")).FullName;
        var marker = Path.Combine(Directory, "flaky.marker");
        var first = await RunAsync(results, marker, filter: null, CancellationToken.None);
        var retry = await RunAsync(results, marker, $"FullyQualifiedName={Failing}|FullyQualifiedName={Flaky}", CancellationToken.None);
        return (first, retry);
    }

    public string AssemblyPath => Path.Combine(Directory, "bin", "Release", "net10.0", AssemblyName + ".dll");

    public async Task InitializeAsync()
    {
        var versions = Adoption.PackageVersions.FromRepository();
        await File.WriteAllTextAsync(Path.Combine(Directory, AssemblyName + ".csproj"), $"""
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
        await File.WriteAllTextAsync(Path.Combine(Directory, "CalcTests.cs"), """
            using Xunit;

            namespace Fx.Sample;

            public class CalcTests
            {
                [Fact]
                public void Adds_numbers() => Assert.Equal(4, 2 + 2);

                [Fact]
                public void Divides_badly() => Assert.Equal(4, 7 / 2);

                [Fact(Skip = "not today")]
                public void Not_today() { }

                [Fact]
                public void Passes_the_second_time()
                {
                    var marker = System.Environment.GetEnvironmentVariable("FX_MARKER")!;
                    if (!System.IO.File.Exists(marker))
                    {
                        System.IO.File.WriteAllText(marker, "ran once");
                        Assert.Fail("first run fails");
                    }
                }
            }
            """);
        await FixtureBuild.RunAsync("the xunit fixture", Directory, ["-c", "Release", "-nologo"], _timeout);
        if (!File.Exists(AssemblyPath))
        {
            throw new InvalidOperationException($"Building the xunit fixture in {Directory} wrote no {AssemblyPath}.");
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the built tests with <c>dotnet test &lt;dll&gt;</c>, writing a TRX file; returns its path.</summary>
    public async Task<string> RunAsync(string resultsDirectory, string marker, string? filter, CancellationToken ct)
    {
        var trxName = $"run-{Guid.NewGuid():N}.trx";
        var arguments = new List<string> { "test", AssemblyPath, "--logger", $"trx;LogFileName={trxName}", "--results-directory", resultsDirectory };
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        var result = await global::CliWrap.Cli.Wrap("dotnet")
            .WithArguments(arguments)
            .WithEnvironmentVariables(env => env.Set("FX_MARKER", marker))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        var trx = Path.Combine(resultsDirectory, trxName);
        return File.Exists(trx)
            ? trx
            : throw new InvalidOperationException($"dotnet test wrote no TRX (exit code {result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }
}
