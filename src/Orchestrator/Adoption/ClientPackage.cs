namespace Orchestrator.Adoption;

/// <summary>
/// A package that talks to a resource: the package itself and every package whose name continues it
/// after a dot (<c>Npgsql</c> covers <c>Npgsql.EntityFrameworkCore.PostgreSQL</c>, not <c>NpgsqlRest</c>).
/// </summary>
internal sealed record ClientPackage(string Name, string Resource)
{
    public bool Matches(string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Equals(Name, StringComparison.OrdinalIgnoreCase)
            || (package.Length > Name.Length && package[Name.Length] == '.' && package.StartsWith(Name, StringComparison.OrdinalIgnoreCase));
    }
}
