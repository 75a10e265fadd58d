using System.CommandLine;
using Orchestrator.Pipeline;
using Orchestrator.Planning;

namespace Orchestrator.Cli.Pipeline;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "Configuration file (default: the nearest orchestrator.json up from the current directory).",
    };

    public static Option<string> Cadence() => new("--cadence")
    {
        Description = "Cadence to run: commit, pr, nightly, or any cadence the configuration defines.",
        DefaultValueFactory = _ => "commit",
    };

    public static Option<Shard?> Shard() => new("--shard")
    {
        Description = "Keep only shard i of n (e.g. 2/4); n agents together run every unit exactly once.",
        CustomParser = result =>
        {
            try
            {
                return ParseShard(result.Tokens.Single().Value);
            }
            catch (UsageException invalid)
            {
                result.AddError(invalid.Message);
                return null;
            }
        },
    };

    public static Option<string?> Timings() => new("--timings")
    {
        Description = "Timings file to balance the plan by (e.g. restored from the CI cache). A sharded plan uses timings only from here, never the agent's own history, so every agent splits the same way.",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON for tools instead of tables." };

    public static Shard ParseShard(string value)
    {
        var parts = value.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], out var index)
            && int.TryParse(parts[1], out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }
        throw new UsageException($"--shard '{value}' is not valid: write i/n with 1 <= i <= n, e.g. --shard 2/4.");
    }
}
