using System.Text.Json.Nodes;
using Orchestrator.Cli.Doctor;
using Orchestrator.Docker.Engine;
using Xunit;

namespace Orchestrator.Cli.Tests.Doctor;

[Trait("Category", "Unit")]
public sealed class DoctorChecksTests
{
    private static JsonObject Postgres(string image, string? context = null)
    {
        var resource = new JsonObject { ["kind"] = "postgres", ["image"] = image, ["ports"] = new JsonArray(5432) };
        if (context is not null)
        {
            resource["build"] = new JsonObject { ["context"] = context };
        }
        return new JsonObject { ["postgres"] = resource };
    }

    private static async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorWorkspace workspace, FakeDoctorEnvironment environment) =>
        await new DoctorChecks(workspace.Load(), environment).RunAsync(CancellationToken.None);

    [Fact]
    public async Task A_healthy_machine_without_container_resources_has_no_problem_and_never_asks_the_engine()
    {
        using var workspace = DoctorWorkspace.Create();
        workspace.WriteManifest("Shop.Tests", "VSTest");
        var environment = new FakeDoctorEnvironment();

        var findings = await CheckAsync(workspace, environment);

        Assert.All(findings, finding => Assert.Equal(FindingSeverity.Ok, finding.Severity));
        Assert.Equal(0, environment.Pings);
        var lines = findings.Select(DoctorView.Line).ToList();
        Assert.Contains("ok .NET SDK: 10.0.100", lines);
        Assert.Contains("ok .NET runtimes: Microsoft.AspNetCore.App 10.0.0, Microsoft.NETCore.App 10.0.0", lines);
        Assert.Contains(lines, line => line.StartsWith("ok test projects: 1 manifest in ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ok state directory: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ok results directory: ", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, ".doctor-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task No_manifests_is_a_warning_to_build_first_and_each_test_project_names_its_runner()
    {
        using var empty = DoctorWorkspace.Create();
        var none = await CheckAsync(empty, new FakeDoctorEnvironment());
        var warning = Assert.Single(none, finding => finding.Severity == FindingSeverity.Warning);
        Assert.Equal("test projects", warning.Subject);
        Assert.Contains("orchestrator build", warning.Fix, StringComparison.Ordinal);

        using var mixed = DoctorWorkspace.Create();
        mixed.WriteManifest("Shop.Tests", "VSTest");
        mixed.WriteManifest("Modern.Tests", "MicrosoftTestingPlatform");
        var findings = await CheckAsync(mixed, new FakeDoctorEnvironment());
        Assert.DoesNotContain(findings, finding => finding.Severity != FindingSeverity.Ok);
        var platform = Assert.Single(findings, finding => finding.Subject.Contains("Modern.Tests", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Testing.Platform", platform.Detail, StringComparison.Ordinal);
        var vsTest = Assert.Single(findings, finding => finding.Subject.Contains("Shop.Tests", StringComparison.Ordinal));
        Assert.Contains("VSTest", vsTest.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_project_built_for_a_runtime_the_machine_lacks_is_an_error_with_the_runtime_to_install_or_roll_forward()
    {
        using var workspace = DoctorWorkspace.Create();
        workspace.WriteManifest("Legacy.Tests", "VSTest");
        var bin = Directory.CreateDirectory(Path.Combine(workspace.Root, "Legacy.Tests", "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "Legacy.Tests.runtimeconfig.json"),
            """{ "runtimeOptions": { "tfm": "net99.0", "framework": { "name": "Microsoft.NETCore.App", "version": "99.0.0" } } }""");

        var project = Assert.Single(await CheckAsync(workspace, new FakeDoctorEnvironment()), finding => finding.Subject.Contains("Legacy.Tests", StringComparison.Ordinal));

        Assert.Equal(FindingSeverity.Error, project.Severity);
        Assert.Contains("needs Microsoft.NETCore.App 99.0.0", project.Detail, StringComparison.Ordinal);
        Assert.Contains("Install the .NET 99.0 runtime", project.Fix, StringComparison.Ordinal);
        Assert.Contains("DOTNET_ROLL_FORWARD", project.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sdk_is_an_error_with_the_fix()
    {
        using var workspace = DoctorWorkspace.Create();
        var environment = new FakeDoctorEnvironment();
        environment.Dotnet.Clear();

        var sdk = Assert.Single(await CheckAsync(workspace, environment), finding => finding.Subject == ".NET SDK");

        Assert.Equal(FindingSeverity.Error, sdk.Severity);
        Assert.Contains("Install the .NET SDK", sdk.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_line_names_the_endpoint_and_its_source_and_images_are_present_buildable_or_missing()
    {
        var endpoint = new DockerEndpoint(new Uri("unix:///run/user/1000/docker.sock"));
        using (var workspace = DoctorWorkspace.Create(Postgres("postgres:present")))
        {
            var environment = new FakeDoctorEnvironment { Endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? endpoint.Uri.ToString() : null) };
            environment.Images.Add("postgres:present");
            var lines = (await CheckAsync(workspace, environment)).Select(DoctorView.Line).ToList();
            Assert.Contains("ok engine: unix:///run/user/1000/docker.sock, from DOCKER_HOST; answers, API version 1.47", lines);
            Assert.Contains("ok image of 'postgres': postgres:present is present", lines);
        }

        using (var workspace = DoctorWorkspace.Create(Postgres("postgres:local", "images/postgres")))
        {
            Directory.CreateDirectory(Path.Combine(workspace.Root, "images", "postgres"));
            var image = Assert.Single(await CheckAsync(workspace, new FakeDoctorEnvironment()), finding => finding.Subject == "image of 'postgres'");
            Assert.Equal(FindingSeverity.Ok, image.Severity);
            Assert.Contains("will be built from", image.Detail, StringComparison.Ordinal);
        }

        using (var workspace = DoctorWorkspace.Create(Postgres("postgres:local", "images/gone")))
        {
            var image = Assert.Single(await CheckAsync(workspace, new FakeDoctorEnvironment()), finding => finding.Subject == "image of 'postgres'");
            Assert.Equal(FindingSeverity.Error, image.Severity);
            Assert.Contains("does not exist", image.Detail, StringComparison.Ordinal);
        }

        using (var workspace = DoctorWorkspace.Create(Postgres("postgres:never")))
        {
            var image = Assert.Single(await CheckAsync(workspace, new FakeDoctorEnvironment()), finding => finding.Subject == "image of 'postgres'");
            Assert.Equal(FindingSeverity.Error, image.Severity);
            Assert.NotNull(image.Fix);
        }
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_an_error_naming_the_endpoint()
    {
        using var workspace = DoctorWorkspace.Create(Postgres("postgres:present"));
        var environment = new FakeDoctorEnvironment { Answer = new EngineAnswer(null, "Connection refused") };

        var engine = Assert.Single(await CheckAsync(workspace, environment), finding => finding.Subject == "engine");

        Assert.Equal(FindingSeverity.Error, engine.Severity);
        Assert.Contains("unix:///var/run/docker.sock, from default socket; does not answer: Connection refused", engine.Detail, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", engine.Fix, StringComparison.Ordinal);
    }
}
