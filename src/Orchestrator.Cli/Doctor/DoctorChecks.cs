using Orchestrator.Model;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Docker.Engine;
using Orchestrator.Pipeline;
using Orchestrator.Resources;

namespace Orchestrator.Cli.Doctor;

/// <summary>
/// What <c>orchestrator doctor</c> checks, in order: the .NET SDK and runtimes, the engine and the images of the
/// container resources (only when there are any), the test project manifests, and the writable directories.
/// Produces findings only; printing them is <see cref="DoctorView"/>'s.
/// </summary>
internal sealed class DoctorChecks(Workspace workspace, IDoctorEnvironment environment)
{
    private const string BuildFix = "Build first with 'orchestrator build' (or 'orchestrator run --build').";

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(CancellationToken ct)
    {
        var findings = new List<DoctorFinding>();
        findings.AddRange(await DotnetAsync(ct));
        findings.AddRange(await EngineAndImagesAsync(ct));
        findings.AddRange(TestProjects());
        findings.Add(Writable("state directory", workspace.StateDirectory));
        findings.Add(Writable("results directory", Path.Combine(workspace.Root, Workspace.ResultsDirectoryName)));
        return findings;
    }

    private async Task<IReadOnlyList<DoctorFinding>> DotnetAsync(CancellationToken ct)
    {
        const string install = "Install the .NET SDK the repository's global.json names (https://dot.net) and put 'dotnet' on PATH.";
        var version = await environment.RunDotnetAsync(["--version"], ct);
        if (version is not ({ ExitCode: 0 } and var (_, output)) || string.IsNullOrWhiteSpace(output))
        {
            var why = version is null ? "'dotnet' could not be started" : $"'dotnet --version' failed (exit code {version.Value.ExitCode}): {version.Value.Output.Trim()}";
            return [DoctorFinding.Error(".NET SDK", why, install)];
        }
        var sdk = DoctorFinding.Ok(".NET SDK", output.Trim());
        var listed = await environment.RunDotnetAsync(["--list-runtimes"], ct);
        var runtimes = listed is { ExitCode: 0 } ok
            ? ok.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 2)
                .Select(parts => $"{parts[0]} {parts[1]}")
                .ToList()
            : [];
        return runtimes.Count == 0
            ? [sdk, DoctorFinding.Error(".NET runtimes", "'dotnet --list-runtimes' lists none", install)]
            : [sdk, DoctorFinding.Ok(".NET runtimes", string.Join(", ", runtimes))];
    }

    private async Task<IReadOnlyList<DoctorFinding>> EngineAndImagesAsync(CancellationToken ct)
    {
        var containers = workspace.Configuration.Resources.Values.Where(resource => resource.IsContainer)
            .OrderBy(resource => resource.Name, StringComparer.Ordinal).ToList();
        if (containers.Count == 0)
        {
            return [DoctorFinding.Ok("engine", "not needed: the configuration has no container resources")];
        }
        DockerEndpoint endpoint;
        try
        {
            endpoint = environment.ResolveEndpoint();
        }
        catch (ResourceException invalid)
        {
            return [DoctorFinding.Error("engine", invalid.Message, "Fix DOCKER_HOST or the docker context ('docker context ls').")];
        }
        var answer = await environment.PingAsync(endpoint, ct);
        if (!answer.Answered)
        {
            return [DoctorFinding.Error("engine", $"{endpoint}; does not answer: {answer.Failure}", answer.Fix ?? EngineFailure.StartEngine)];
        }
        var findings = new List<DoctorFinding> { DoctorFinding.Ok("engine", $"{endpoint}; answers, API version {answer.ApiVersion}") };
        foreach (var resource in containers)
        {
            findings.Add(await ImageAsync(endpoint, resource, ct));
        }
        return findings;
    }

    private async Task<DoctorFinding> ImageAsync(DockerEndpoint endpoint, ResourceDefinition resource, CancellationToken ct)
    {
        var subject = $"image of '{resource.Name}'";
        if (string.IsNullOrWhiteSpace(resource.Image))
        {
            return DoctorFinding.Error(subject, "the resource names no image", "Set its 'image', or make it kind 'external' when the environment provides it.");
        }
        if (await environment.ImageExistsAsync(endpoint, resource.Image, ct))
        {
            return DoctorFinding.Ok(subject, $"{resource.Image} is present");
        }
        if (resource.Build is { } build)
        {
            var context = workspace.Resolve(build.Context);
            return Directory.Exists(context)
                ? DoctorFinding.Ok(subject, $"{resource.Image} is missing and will be built from {context}")
                : DoctorFinding.Error(subject, $"{resource.Image} is missing and its build context {context} does not exist",
                    "Fix the resource's build context, or build the image yourself.");
        }
        return DoctorFinding.Error(subject, $"{resource.Image} is missing and has no build context",
            "Build or pull the image ('docker pull'), or add a build context to the resource (\"build\": { \"context\": \"path/to/dir\" }).");
    }

    private IEnumerable<DoctorFinding> TestProjects()
    {
        var directory = workspace.ManifestDirectory;
        if (!Directory.Exists(directory))
        {
            yield return DoctorFinding.Warning("test projects", $"no manifests: {directory} does not exist", BuildFix);
            yield break;
        }
        var (manifests, problems) = ManifestReader.ReadDirectory(directory);
        foreach (var problem in problems)
        {
            yield return DoctorFinding.Error("test projects", problem.Message, BuildFix);
        }
        if (manifests.Count == 0)
        {
            yield return DoctorFinding.Warning("test projects", $"no manifests in {directory}", BuildFix);
            yield break;
        }
        yield return DoctorFinding.Ok("test projects", $"{manifests.Count} manifest{(manifests.Count == 1 ? "" : "s")} in {directory}");
        foreach (var manifest in manifests)
        {
            var subject = $"test project {manifest.ProjectName} ({manifest.TargetFramework})";
            if (TestHostRuntime.Check(manifest, workspace.Configuration.TestEnvironment) is { } missingRuntime)
            {
                yield return DoctorFinding.Error(subject, missingRuntime.Problem, missingRuntime.Fix);
                continue;
            }
            yield return DoctorFinding.Ok(subject, manifest.Runner == TestRunnerKind.VSTest
                ? "runs on VSTest (dotnet test)"
                : "runs on Microsoft.Testing.Platform (the test application in server mode)");
        }
    }

    private static DoctorFinding Writable(string subject, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "probe");
            File.Delete(probe);
            return DoctorFinding.Ok(subject, $"{directory} is writable");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DoctorFinding.Error(subject, $"{directory} is not writable: {exception.Message}",
                "Give the user running the orchestrator write access to it, or run from a writable clone.");
        }
    }
}
