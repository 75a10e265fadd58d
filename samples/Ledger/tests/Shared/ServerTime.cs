namespace Ledger.Testing;

/// <summary>
/// How long a test waits on the server between acting and asserting. The production ledger's reports,
/// lock waits and cache round trips take this long against months of entries; the sample's data is
/// tiny, so the time is spent waiting on the server instead (<c>pg_sleep</c>, a Redis blocking pop that
/// times out), with the test host idle as it would be.
/// </summary>
public static class ServerTime
{
    public static readonly TimeSpan Default = TimeSpan.FromMilliseconds(200);
}
