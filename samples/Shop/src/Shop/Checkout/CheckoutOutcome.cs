namespace Shop.Checkout;

public enum CheckoutOutcome
{
    Placed,
    SessionRejected,
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
}
