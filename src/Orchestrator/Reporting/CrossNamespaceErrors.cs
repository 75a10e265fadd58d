namespace Orchestrator.Reporting;

/// <summary>
/// Errors that only another session on the same server can cause: they cross every namespace the orchestrator
/// gives (a database, a Redis database, a virtual host), so a failure carrying one while a container was shared is
/// evidence of shared state, not of a flaky test. A serialization failure or a deadlock inside one database is
/// not among them: a suite meets those on its own.
/// </summary>
internal static class CrossNamespaceErrors
{
    private static readonly (string Signature, string Meaning)[] Known =
    [
        ("42P04", "a database of that name already exists (created by another unit)"),
        ("57P01", "the connection was terminated by another session (pg_terminate_backend)"),
        ("terminating connection due to administrator command", "the connection was terminated by another session (pg_terminate_backend)"),
        ("55006", "the database is in use by another session"),
        ("is being accessed by other users", "the database is in use by another session"),
        ("pg_database_datname_index", "a database of that name was being created by another unit"),
        ("3D000", "a database another unit dropped is gone"),
        ("ACCESS_REFUSED", "a virtual host or user another unit changed"),
    ];

    /// <summary>What the message shows another session did, or null when it shows nothing of the kind.</summary>
    public static string? In(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }
        foreach (var (signature, meaning) in Known)
        {
            if (message.Contains(signature, StringComparison.Ordinal))
            {
                return $"{meaning} ({signature})";
            }
        }
        return null;
    }
}
