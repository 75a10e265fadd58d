namespace Orchestrator.Adoption;

/// <summary>A resource a test project talks to, and the client package through which init saw it.</summary>
public sealed record ResourceMatch(string Resource, PackageReach Reach)
{
    /// <summary>Whether init writes a container definition for <see cref="Resource"/> (else it is external).</summary>
    public bool HasContainer => ClientPackages.HasContainer(Resource);

    public override string ToString() => $"{Reach} for {Resource}";
}
