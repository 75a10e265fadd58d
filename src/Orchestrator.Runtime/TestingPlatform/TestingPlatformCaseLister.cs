using System.Collections.Concurrent;
using Orchestrator.Discovery;

namespace Orchestrator.TestingPlatform;

/// <summary>
/// Lists the tests of one Microsoft.Testing.Platform test application through its server mode: every action node
/// with its uid, traits and location. The framework's own discovery, no VSTest and no build.
/// </summary>
internal sealed class TestingPlatformCaseLister(string dotnetPath)
{
    private const int OutputTailLength = 4000;

    /// <summary>The configuration's <c>testEnvironment</c>, as for VSTest discovery.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <param name="applicationPath">The test application's assembly.</param>
    /// <param name="workDirectory">
    /// Where the application may write while it lists (its results directory, removed afterwards): otherwise it writes
    /// into its build output, or wherever its testconfig.json names.
    /// </param>
    /// <param name="ct">Cancels the listing.</param>
    /// <exception cref="DiscoveryCrashedException">The application failed to start, connect or discover.</exception>
    public async Task<IReadOnlyList<DiscoveredCase>> ListAsync(string applicationPath, string workDirectory, CancellationToken ct)
    {
        var nodes = new ConcurrentQueue<TestNode>();
        var output = new ConcurrentQueue<string>();
        var resultsDirectory = Path.Combine(workDirectory, $"{Path.GetFileNameWithoutExtension(applicationPath)}.{Guid.NewGuid():N}");
        var launch = new TestingPlatformLaunch(
            dotnetPath,
            applicationPath,
            ["--results-directory", resultsDirectory],
            Path.GetDirectoryName(applicationPath) ?? ".",
            new Dictionary<string, string?>(Environment) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        try
        {
            await using var session = await TestingPlatformSession.StartAsync(launch, nodes.Enqueue, output.Enqueue, ct).ConfigureAwait(false);
            await session.DiscoverAsync(ct).ConfigureAwait(false);
        }
        catch (TestingPlatformException exception)
        {
            var tail = Tail(output);
            throw new DiscoveryCrashedException(applicationPath, null, tail,
                $"Listing the tests of '{applicationPath}' (Microsoft.Testing.Platform) failed: {exception.Message} " +
                $"Run 'dotnet \"{applicationPath}\" --list-tests' to see the error.{System.Environment.NewLine}{tail}");
        }
        finally
        {
            if (Directory.Exists(resultsDirectory))
            {
                Directory.Delete(resultsDirectory, recursive: true);
            }
        }

        // A node may be reported more than once; the last report of a uid wins, in first-seen order.
        var cases = new Dictionary<string, DiscoveredCase>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(node => node.IsCase))
        {
            cases[node.Uid] = node.ToCase(applicationPath);
        }
        return [.. cases.Values];
    }

    private static string Tail(IEnumerable<string> output)
    {
        var text = string.Join(System.Environment.NewLine, output).Trim();
        return text.Length <= OutputTailLength ? text : "…" + text[^OutputTailLength..];
    }
}
