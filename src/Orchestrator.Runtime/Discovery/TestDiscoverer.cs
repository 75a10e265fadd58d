using Orchestrator.Model;
using Orchestrator.TestingPlatform;

namespace Orchestrator.Discovery;

/// <summary>
/// Discovers the tests of a solution: reads the build's manifests, lists each test assembly with
/// <c>dotnet test --list-tests</c> and the orchestrator logger (in parallel, cached by content
/// hash), and classifies the tests into layers and resource sets.
/// </summary>
public static class TestDiscoverer
{
    public const string LoggerAssemblyFileName = "Orchestrator.TestLogger.dll";

    public static async Task<TestInventory> DiscoverAsync(DiscoveryRequest request, CancellationToken ct)
    {
        var listing = await ListCasesAsync(request, ct);
        var classified = new TestClassifier(request.Configuration).Classify(listing.Assemblies);
        return new TestInventory(classified.Tests, [.. listing.Problems, .. classified.Problems]);
    }

    /// <summary>Lists the raw cases of every test assembly; a crashing assembly becomes an error and the others go on.</summary>
    internal static async Task<CaseListing> ListCasesAsync(DiscoveryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loggerAssembly = Path.Combine(Path.GetFullPath(request.LoggerDirectory), LoggerAssemblyFileName);
        if (!File.Exists(loggerAssembly))
        {
            throw new FileNotFoundException(
                $"The orchestrator test logger is not in '{request.LoggerDirectory}': build src/Orchestrator.TestLogger and point the logger directory at its output.",
                loggerAssembly);
        }

        var problems = new List<DiscoveryProblem>();
        var targets = FindTargets(request, problems);
        var cache = new DiscoveryCache(request.CacheDirectory);
        var lister = new VsTestCaseLister(request.LoggerDirectory, request.DotnetPath) { Environment = request.Configuration.TestEnvironment! };
        var applicationLister = new TestingPlatformCaseLister(request.DotnetPath) { Environment = request.Configuration.TestEnvironment! };
        var workDirectory = Path.Combine(cache.Directory, "work");
        var results = new AssemblyCases?[targets.Count];
        var cached = new bool[targets.Count];
        var failures = new DiscoveryProblem?[targets.Count];

        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxParallelism), CancellationToken = ct },
            async (index, token) =>
            {
                var (assemblyPath, manifest) = targets[index];
                try
                {
                    var key = await DiscoveryCache.ComputeKeyAsync(assemblyPath, loggerAssembly, token);
                    var cases = await cache.TryReadAsync(key, assemblyPath, token);
                    cached[index] = cases is not null;
                    if (cases is null)
                    {
                        cases = manifest?.Runner == TestRunnerKind.MicrosoftTestingPlatform
                            ? await applicationLister.ListAsync(assemblyPath, workDirectory, token)
                            : await lister.ListAsync(assemblyPath, workDirectory, token);
                        await cache.WriteAsync(key, cases, token);
                    }

                    results[index] = new AssemblyCases(assemblyPath, manifest, cases, manifest is null ? AssemblyFramework.Read(assemblyPath) : null);
                }
                catch (DiscoveryCrashedException exception)
                {
                    failures[index] = new DiscoveryProblem(ProblemSeverity.Error, assemblyPath, exception.Message);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    failures[index] = new DiscoveryProblem(ProblemSeverity.Error, assemblyPath,
                        $"Discovering the tests of '{assemblyPath}' failed: {exception.Message}");
                }
            });

        problems.AddRange(failures.OfType<DiscoveryProblem>());
        return new CaseListing(
            [.. results.OfType<AssemblyCases>()],
            problems,
            [.. targets.Where((_, index) => cached[index]).Select(target => target.AssemblyPath)]);
    }

    private static List<(string AssemblyPath, TestProjectManifest? Manifest)> FindTargets(DiscoveryRequest request, List<DiscoveryProblem> problems)
    {
        var targets = new List<(string AssemblyPath, TestProjectManifest? Manifest)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        if (request.ManifestDirectory is not null)
        {
            var (manifests, manifestProblems) = ManifestReader.ReadDirectory(request.ManifestDirectory);
            problems.AddRange(manifestProblems);
            var ignored = request.Configuration.IgnoreProjects.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var manifest in manifests)
            {
                if (ignored.Contains(manifest.ProjectName))
                {
                    problems.Add(new DiscoveryProblem(ProblemSeverity.Warning, manifest.ProjectPath,
                        $"Test project '{manifest.ProjectName}' ({manifest.TargetFramework}) is left out by orchestrator.json (ignoreProjects): its tests are not discovered or run."));
                    continue;
                }
                var problem = Check(manifest, request.Configuration.TestEnvironment);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else if (seen.Add(Path.GetFullPath(manifest.TargetPath)))
                {
                    targets.Add((Path.GetFullPath(manifest.TargetPath), manifest));
                }
            }
        }

        foreach (var assembly in request.Assemblies.Select(Path.GetFullPath))
        {
            if (!File.Exists(assembly))
            {
                problems.Add(new DiscoveryProblem(ProblemSeverity.Error, assembly,
                    $"Test assembly '{assembly}' does not exist: build it first (dotnet build -c Release)."));
            }
            else if (seen.Add(assembly))
            {
                targets.Add((assembly, null));
            }
        }

        return targets;
    }

    private static DiscoveryProblem? Check(TestProjectManifest manifest, IReadOnlyDictionary<string, string> testEnvironment)
    {
        if (!File.Exists(manifest.ProjectPath))
        {
            return new DiscoveryProblem(ProblemSeverity.Warning, manifest.ManifestPath,
                $"Manifest '{manifest.ManifestPath}' names project '{manifest.ProjectPath}', which no longer exists; it was skipped. Delete the manifest to silence this.");
        }

        if (!File.Exists(manifest.TargetPath))
        {
            var configuration = string.IsNullOrEmpty(manifest.Configuration) ? "" : $" -c {manifest.Configuration}";
            return new DiscoveryProblem(ProblemSeverity.Error, manifest.ProjectPath,
                $"The build output of test project '{manifest.ProjectName}' ({manifest.TargetFramework}) is missing: '{manifest.TargetPath}'. " +
                $"Build it first: dotnet build \"{manifest.ProjectPath}\"{configuration}");
        }

        return TestHostRuntime.Check(manifest, testEnvironment) is { } missingRuntime
            ? new DiscoveryProblem(ProblemSeverity.Error, manifest.ProjectPath, missingRuntime.ToString())
            : null;
    }
}
