using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// A resource tests can ask for (<c>Resource=postgres</c>): how to provide it, how to know it is
/// ready, how partitions sharing it are isolated, and which variables tests receive.
/// </summary>
public sealed record ResourceDefinition
{
    /// <summary>Resource name, lower case, as tests name it.</summary>
    public required string Name { get; init; }

    /// <summary>Built-in behaviour (probe, namespace setup) to use; <see cref="ResourceKind.Generic"/> relies on the configuration alone.</summary>
    public ResourceKind Kind { get; init; } = ResourceKind.Generic;

    /// <summary>Image reference; required for container resources.</summary>
    public string? Image { get; init; }

    /// <summary>Local build context used when the image is missing (relative to the configuration file).</summary>
    public ImageBuild? Build { get; init; }

    /// <summary>Container ports to publish on 127.0.0.1 (random host ports). The first one is <c>{port}</c>.</summary>
    public ImmutableArray<int> Ports { get; init; } = [];

    /// <summary>Container environment; values are templates (e.g. <c>{secret}</c>).</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Extra arguments for the container's command.</summary>
    public ImmutableArray<string> Command { get; init; } = [];

    public ReadinessProbe Readiness { get; init; } = ReadinessProbe.Default;

    public IsolationSettings Isolation { get; init; } = IsolationSettings.Shared;

    /// <summary>Variables handed to test processes, as templates: <c>Host={host};Port={port};Password={secret};Database={namespace}</c>.</summary>
    public ImmutableDictionary<string, string> Variables { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Bind published ports to all interfaces instead of 127.0.0.1. Off unless asked for explicitly.</summary>
    public bool ExposeBeyondLoopback { get; init; }

    /// <summary>
    /// The most units that may use the resource at the same time; null for no limit beyond the slots. A suite that
    /// starts its own containers on a fixed host port, or reads a fixed database on an external server, gets 1: its
    /// units run one after another while the rest of the run goes on beside them.
    /// </summary>
    public int? Concurrency { get; init; }

    /// <summary>Memory limit for the container in bytes; null for none.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>The version of the service production runs (e.g. <c>16.4</c>), which the audit compares with the image's tag; null when undeclared.</summary>
    public string? Production { get; init; }

    /// <summary>True when the resource is a container the orchestrator starts; false for a resource the environment provides.</summary>
    public bool IsContainer => Kind != ResourceKind.External;
}
