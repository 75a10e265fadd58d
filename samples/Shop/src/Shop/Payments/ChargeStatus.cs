namespace Shop.Payments;

public enum ChargeStatus
{
    Approved,
    Declined,
}
