using System.Collections.Immutable;

namespace Orchestrator.Docker;

/// <summary>A container that <c>orchestrator up</c> started and keeps, which a run with <c>--reuse</c> uses instead of starting one.</summary>
/// <param name="ContainerId">The engine's container id.</param>
/// <param name="Ports">Container port → published host port.</param>
/// <param name="Secret">The password it was started with.</param>
public sealed record KeptContainer(string ContainerId, ImmutableDictionary<int, int> Ports, string Secret);
