using System.Collections.Immutable;
using System.Globalization;

namespace Orchestrator.Discovery;

/// <summary>
/// The shared frameworks a test host needs (its <c>.runtimeconfig.json</c>) and the roll-forward policy that
/// decides which installed versions serve it, as the .NET host applies them: a test project built for a runtime
/// the machine lacks is found before discovery instead of failing it with "build the test projects first".
/// </summary>
/// <param name="Frameworks">Each shared framework by name (<c>Microsoft.NETCore.App</c>) with its version.</param>
/// <param name="RollForward">The file's <c>rollForward</c>; null for the host's default, <c>Minor</c>.</param>
internal sealed record RuntimeRequirement(ImmutableArray<(string Name, Version Version)> Frameworks, string? RollForward)
{
    private const string DefaultRollForward = "Minor";

    /// <summary>
    /// Frameworks no installed version serves, each described with what is installed; empty when the host starts.
    /// <paramref name="environmentRollForward"/> is <c>DOTNET_ROLL_FORWARD</c> as the test host gets it, which
    /// wins over the file.
    /// </summary>
    public IReadOnlyList<MissingFramework> Missing(IReadOnlyDictionary<string, ImmutableArray<Version>> installed, string? environmentRollForward)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var policy = environmentRollForward ?? RollForward ?? DefaultRollForward;
        var missing = new List<MissingFramework>();
        foreach (var (name, version) in Frameworks)
        {
            var versions = installed.GetValueOrDefault(name, []);
            if (!versions.Any(candidate => Serves(policy, version, candidate)))
            {
                var present = versions.IsEmpty ? "none installed" : "installed: " + string.Join(", ", versions.Order().Select(v => v.ToString()));
                missing.Add(new MissingFramework(name, version, string.Create(CultureInfo.InvariantCulture, $"{name} {version} (roll-forward {policy}; {present})")));
            }
        }
        return missing;
    }

    private static bool Serves(string policy, Version wanted, Version candidate) => policy.ToUpperInvariant() switch
    {
        "DISABLE" => candidate == wanted,
        "LATESTPATCH" => candidate.Major == wanted.Major && candidate.Minor == wanted.Minor && candidate >= wanted,
        "MAJOR" or "LATESTMAJOR" => candidate >= wanted,
        _ => candidate.Major == wanted.Major && candidate >= wanted,
    };
}

/// <summary>A shared framework a test host needs that no installed version serves.</summary>
/// <param name="Description">Name, version, the policy applied and what is installed, for messages.</param>
internal sealed record MissingFramework(string Name, Version Version, string Description);
