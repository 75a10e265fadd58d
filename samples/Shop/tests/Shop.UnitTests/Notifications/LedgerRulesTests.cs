using Shop.Notifications;
using Xunit;

namespace Shop.UnitTests.Notifications;

[Trait("Category", "Unit")]
public sealed class LedgerRulesTests
{
    [Theory]
    [InlineData(false, null, 1, LedgerDecision.Process)]
    [InlineData(false, 1L, 2, LedgerDecision.Process)]
    [InlineData(false, 1L, 5, LedgerDecision.Process)]
    [InlineData(false, 2L, 2, LedgerDecision.Stale)]
    [InlineData(false, 3L, 2, LedgerDecision.Stale)]
    [InlineData(true, null, 1, LedgerDecision.Duplicate)]
    [InlineData(true, 1L, 1, LedgerDecision.Duplicate)]
    [InlineData(true, 5L, 9, LedgerDecision.Duplicate)]
    public void Events_are_processed_once_and_only_when_newer_than_what_was_notified(
        bool handled, long? lastSequence, long sequence, LedgerDecision expected)
    {
        Assert.Equal(expected, LedgerRules.Decide(handled, lastSequence, sequence));
    }
}
