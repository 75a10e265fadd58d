using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>Fixtures that build whole repositories run one at a time: two builds at once compete for two cores and the same NuGet caches.</summary>
[CollectionDefinition(Name)]
public sealed class AdoptionBuilds
{
    public const string Name = "Adoption builds";
}
