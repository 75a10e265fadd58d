namespace Shop.Notifications;

public static class LedgerRules
{
    public static LedgerDecision Decide(bool eventAlreadyHandled, long? lastHandledSequence, long sequence) =>
        eventAlreadyHandled ? LedgerDecision.Duplicate
        : lastHandledSequence is { } last && sequence <= last ? LedgerDecision.Stale
        : LedgerDecision.Process;
}
