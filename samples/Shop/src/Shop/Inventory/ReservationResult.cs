using Shop.Ordering;

namespace Shop.Inventory;

public sealed record ReservationResult(ReservationOutcome Outcome, Sku? FailedSku = null)
{
    public bool Succeeded => Outcome is ReservationOutcome.Reserved or ReservationOutcome.AlreadyReserved;
}
