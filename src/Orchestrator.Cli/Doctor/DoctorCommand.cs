using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Doctor;

/// <summary>
/// <c>orchestrator doctor [--config path]</c>: checks that a <c>pr</c> run could start here, one line per finding;
/// exit code 0 when it could (warnings allowed), <see cref="ExitCodes.ChecksFailed"/> when a check found an error.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(Func<IDoctorEnvironment>? environment = null)
    {
        var config = CommonOptions.Config();
        var command = new Command(
            "doctor",
            "Check the .NET SDK, the Docker engine and images, the test project manifests and the writable directories; print the fix for every problem.")
        {
            config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var findings = await new DoctorChecks(workspace, environment?.Invoke() ?? new SystemDoctorEnvironment()).RunAsync(ct);
            await DoctorView.WriteAsync(findings, Console.Out);
            return findings.Any(finding => finding.Severity == FindingSeverity.Error) ? ExitCodes.ChecksFailed : ExitCodes.Success;
        });
        return command;
    }
}
