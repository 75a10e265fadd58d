namespace Shop.Notifications;

public enum OrderEventKind
{
    Placed,
    Paid,
    Shipped,
    Cancelled,
}
