using Orchestrator.Docker.Tests.Support;
using Xunit;
using static Orchestrator.Cli.Tests.Doctor.DoctorCommandTests;

namespace Orchestrator.Cli.Tests.Doctor;

/// <summary><c>orchestrator doctor</c> as a real process against an engine that listens on 127.0.0.1 with mutual TLS only.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class DoctorTlsEngineTests(TlsEngineFixture fixture) : IClassFixture<TlsEngineFixture>
{
    private Dictionary<string, string?> TlsEnvironment(string certificates) => new()
    {
        ["DOCKER_HOST"] = fixture.Engine.Address.ToString(),
        ["DOCKER_TLS_VERIFY"] = "1",
        ["DOCKER_CERT_PATH"] = certificates,
    };

    private static string EngineLine(string output, string status) =>
        Assert.Single(output.Split('\n'), line => line.StartsWith($"{status} engine: ", StringComparison.Ordinal));

    [Fact]
    public async Task With_DOCKER_HOST_tcp_TLS_verify_and_the_certificate_path_the_engine_answers_over_TLS()
    {
        using var workspace = DoctorWorkspace.Create(PostgresFromRepository());

        var result = await DoctorAsync(workspace, TlsEnvironment(fixture.Engine.TrustedClient));

        Assert.True(result.ExitCode == 0, Describe(result));
        var engine = EngineLine(result.StandardOutput, "ok");
        Assert.Contains($"{fixture.Engine.Address} (TLS, certificates in {fixture.Engine.TrustedClient}), from DOCKER_HOST; answers, API version", engine, StringComparison.Ordinal);
        // The TLS engine has no images of its own: what it says is what that engine holds, not the local one.
        Assert.Contains("orchestrator/postgres:local is missing and will be built from", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(TlsEngine.UntrustedAuthority), "its TLS certificate is not signed by {0}", "ca.pem")]
    [InlineData(nameof(TlsEngine.ForeignClient), "the engine refused the client certificate {0}", "cert.pem")]
    public async Task A_TLS_mistake_is_an_error_naming_the_endpoint_and_the_file_to_fix(string certificates, string problem, string file)
    {
        using var workspace = DoctorWorkspace.Create(PostgresFromRepository());
        var directory = certificates == nameof(TlsEngine.UntrustedAuthority) ? fixture.Engine.UntrustedAuthority : fixture.Engine.ForeignClient;

        var result = await DoctorAsync(workspace, TlsEnvironment(directory));

        Assert.True(result.ExitCode == 1, Describe(result));
        var engine = EngineLine(result.StandardOutput, "error");
        Assert.Contains($"{fixture.Engine.Address} (TLS, certificates in {directory}), from DOCKER_HOST; does not answer: ", engine, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, Path.Combine(directory, file)), engine, StringComparison.Ordinal);
        Assert.Contains(" Fix: ", engine, StringComparison.Ordinal);
    }
}
