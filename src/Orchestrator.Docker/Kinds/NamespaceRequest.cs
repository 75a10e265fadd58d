using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Kinds;

/// <summary>One unit's namespace to create in a started instance.</summary>
/// <param name="Tracked">The instance as the provider tracks it (definition, rendered environment, container).</param>
/// <param name="Instance">Where tests connect.</param>
/// <param name="User">The user tests connect as.</param>
/// <param name="Name">The namespace's name (<see cref="IKindModule.NamespaceName"/>).</param>
/// <param name="Redactor">Masks the instance's secrets in every message.</param>
/// <param name="ExecAsync">Runs a command in the instance's container, failing with the command's output.</param>
internal sealed record NamespaceRequest(
    TrackedInstance Tracked,
    ResourceInstance Instance,
    string User,
    string Name,
    SecretRedactor Redactor,
    Func<IReadOnlyList<string>, CancellationToken, Task> ExecAsync);
