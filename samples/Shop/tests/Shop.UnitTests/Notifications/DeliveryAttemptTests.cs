using System.Text;
using Shop.Notifications;
using Xunit;

namespace Shop.UnitTests.Notifications;

[Trait("Category", "Unit")]
public sealed class DeliveryAttemptTests
{
    [Fact]
    public void A_delivery_without_headers_is_the_first_attempt()
    {
        Assert.Equal(1, DeliveryAttempt.Read(null));
        Assert.Equal(1, DeliveryAttempt.Read(new Dictionary<string, object?>()));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(3L)]
    [InlineData("3")]
    public void The_attempt_is_read_whatever_type_the_broker_hands_back(object value)
    {
        Assert.Equal(3, DeliveryAttempt.Read(new Dictionary<string, object?> { [DeliveryAttempt.Header] = value }));
    }

    [Fact]
    public void A_textual_attempt_arrives_as_bytes_from_the_broker()
    {
        Assert.Equal(4, DeliveryAttempt.Read(new Dictionary<string, object?> { [DeliveryAttempt.Header] = Encoding.UTF8.GetBytes("4") }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData("x")]
    [InlineData(2.5)]
    public void A_nonsensical_attempt_counts_as_the_first(object value)
    {
        Assert.Equal(1, DeliveryAttempt.Read(new Dictionary<string, object?> { [DeliveryAttempt.Header] = value }));
    }

    [Theory]
    [InlineData(1, FailureDisposition.Retry)]
    [InlineData(2, FailureDisposition.Retry)]
    [InlineData(3, FailureDisposition.DeadLetter)]
    [InlineData(9, FailureDisposition.DeadLetter)]
    public void A_failed_delivery_is_retried_until_the_last_attempt_then_dead_lettered(int attempt, FailureDisposition expected)
    {
        Assert.Equal(expected, new NotificationWorkerOptions(MaxAttempts: 3, Prefetch: 1).OnFailure(attempt));
    }
}
