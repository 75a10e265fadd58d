using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// How to tell that a resource serves real requests. A bare TCP connect is a weak signal: the
/// engine's port proxy accepts connections before the service listens, so the built-in probes
/// speak each protocol.
/// </summary>
public sealed record ReadinessProbe
{
    public static ReadinessProbe Default { get; } = new();

    /// <summary>Which probe; <see cref="ProbeKind.BuiltIn"/> uses the resource kind's own.</summary>
    public ProbeKind Kind { get; init; } = ProbeKind.BuiltIn;

    /// <summary>Command run inside the container (<see cref="ProbeKind.Exec"/>); exit code 0 means ready.</summary>
    public ImmutableArray<string> Command { get; init; } = [];

    /// <summary>Regular expression a log line must match (<see cref="ProbeKind.LogLine"/>).</summary>
    public string? LogPattern { get; init; }

    /// <summary>HTTP path (<see cref="ProbeKind.Http"/>), answered with a 2xx status.</summary>
    public string? HttpPath { get; init; }

    /// <summary>Container port the probe talks to; null for the first published port.</summary>
    public int? Port { get; init; }

    /// <summary>Time one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time between attempts.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Overall deadline; null uses <see cref="TimeoutSettings.Readiness"/>.</summary>
    public TimeSpan? Deadline { get; init; }
}
