namespace Shop.Payments;

public enum PaymentOutcome
{
    Approved,
    Declined,
    Failed,
}
