namespace Shop.Inventory;

public enum ReservationOutcome
{
    Reserved,
    AlreadyReserved,
    InsufficientStock,
    UnknownSku,
}
