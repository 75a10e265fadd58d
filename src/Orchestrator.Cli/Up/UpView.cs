using System.Globalization;
using Orchestrator.Pipeline.Up;
using Orchestrator.Security;

namespace Orchestrator.Cli.Up;

/// <summary>What <c>up</c> prints: what is up, the variables (passwords masked: the files hold them) and how to use them.</summary>
internal static class UpView
{
    public static void Write(UpResult up, SecretRedactor redactor, TextWriter output)
    {
        var since = up.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        output.WriteLine(up.AlreadyUp
            ? $"Already up since {since} (nothing started): 'orchestrator down' removes it, then 'orchestrator up' starts afresh."
            : $"Up since {since}, kept until 'orchestrator down':");
        foreach (var service in up.Services)
        {
            var container = service.ContainerId is { } id ? $"container {id[..12]}" : "provided by the environment";
            var ports = string.Join(", ", service.Ports.Select(port => $"127.0.0.1:{port.Value} → {port.Key}"));
            output.WriteLine($"  {service.Resource}: {container}, {ports}, namespace '{service.Namespace}'");
        }
        var env = Relative(up.Files.EnvFile);
        var runSettings = Relative(up.Files.RunSettingsFile);
        output.WriteLine($"Variables, written into {env} and {runSettings} (passwords masked here; the files hold them):");
        foreach (var (name, value) in up.Variables)
        {
            output.WriteLine($"  {name}={redactor.Redact(value)}");
        }
        output.WriteLine("Use them:");
        output.WriteLine($"  dotnet test <test project> --settings {runSettings}");
        output.WriteLine($"  Visual Studio: Test > Configure Run Settings > Select Solution Wide runsettings File > {runSettings}");
        output.WriteLine($"  Rider: Settings > Build, Execution, Deployment > Unit Testing > Test Runner > Test Settings > {runSettings}");
        output.WriteLine($"  VS Code with C# Dev Kit: \"dotnet.unitTests.runSettingsPath\": \"{runSettings}\" in .vscode/settings.json");
        output.WriteLine($"  a shell: while IFS='=' read -r name value; do case $name in '#'*|'') ;; *) export \"$name=$value\";; esac; done < {env}");
        output.WriteLine("  orchestrator run --reuse    runs on these containers, each run in namespaces of its own");
        output.WriteLine("  orchestrator down           removes them, their namespaces and these files");
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
