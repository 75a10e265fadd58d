namespace Orchestrator.Docker.Readiness;

/// <summary>One way to ask a resource whether it serves real requests; attempts are cheap and repeatable.</summary>
internal interface IReadinessProbe
{
    /// <summary>Names the probe in messages, e.g. <c>postgres startup handshake on 127.0.0.1:49153</c>.</summary>
    string Description { get; }

    /// <summary>One attempt; <paramref name="ct"/> carries the attempt's timeout.</summary>
    Task<ProbeOutcome> TryAsync(CancellationToken ct);
}
