using System.Reflection;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Docker;
using Orchestrator.Pipeline;
using Orchestrator.Planning;
using PublicApiGenerator;
using Xunit;

namespace Orchestrator.Cli.Tests.Api;

/// <summary>
/// Pins the public API of the packable libraries: only what the CLI, the Cake build and hosts need is public,
/// and a change to it is a deliberate, reviewed edit of the approved file beside this test.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PublicApiTests
{
    public static TheoryData<string> Libraries => ["Orchestrator", "Orchestrator.Runtime", "Orchestrator.Docker"];

    private static readonly Assembly[] _assemblies =
        [typeof(TestPlan).Assembly, typeof(RunPipeline).Assembly, typeof(DockerResourceProvider).Assembly];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void The_public_api_is_the_approved_one(string library)
    {
        var assembly = _assemblies.Single(candidate => candidate.GetName().Name == library);
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] });
        var approved = Path.Combine(Directory(), $"{library}.approved.txt");
        var received = Path.Combine(Directory(), $"{library}.received.txt");

        var expected = File.Exists(approved) ? File.ReadAllText(approved) : string.Empty;
        if (Normalize(actual) != Normalize(expected))
        {
            File.WriteAllText(received, actual);
            Assert.Fail(
                $"The public API of {library} differs from {approved}. Keep new types internal unless the CLI, the Cake build " +
                $"or a host needs them; if the change is intended, replace the approved file with {received}.");
        }
        File.Delete(received);
    }

    private static string Normalize(string api) => api.ReplaceLineEndings("\n").Trim();

    // Not [CallerFilePath]: a CI build maps source paths to /_/ (ContinuousIntegrationBuild), so the approved files are
    // found from the repository the tests were built in.
    private static string Directory() => Path.Combine(RepositoryPaths.Root(), "tests", "Orchestrator.Cli.Tests", "Api");
}
