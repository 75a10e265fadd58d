namespace Orchestrator.Cli.Init;

/// <summary>The line <c>init</c> prints when the repository has a docker-compose file its resources could come from.</summary>
internal static class ComposeFileHint
{
    private static readonly string[] Names = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    public static string? For(string root) =>
        Names.FirstOrDefault(name => File.Exists(Path.Combine(root, name))) is { } found
            ? $"Found {found}: a resource can take its image, ports, environment and healthcheck from one of its services with \"compose\": {{ \"file\": \"{found}\", \"service\": \"...\" }}."
            : null;
}
