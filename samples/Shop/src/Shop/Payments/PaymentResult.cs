namespace Shop.Payments;

public sealed record PaymentResult(PaymentOutcome Outcome, string? ChargeId, string? Reason, int Attempts, bool FromAudit = false)
{
    public bool IsApproved => Outcome == PaymentOutcome.Approved;
}
