namespace Shop.Notifications;

public enum LedgerDecision
{
    /// <summary>New and newer than anything seen for the order: notify.</summary>
    Process,

    /// <summary>This very event was handled already (at-least-once redelivery).</summary>
    Duplicate,

    /// <summary>A newer event of the same order was handled already: notifying now would mislead.</summary>
    Stale,
}
