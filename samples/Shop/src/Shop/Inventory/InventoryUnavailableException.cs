namespace Shop.Inventory;

/// <summary>The inventory store could not be reached in time (e.g. its connection pool is exhausted).</summary>
public sealed class InventoryUnavailableException : Exception
{
    public InventoryUnavailableException()
        : base("The inventory store is unavailable.")
    {
    }

    public InventoryUnavailableException(string message)
        : base(message)
    {
    }

    public InventoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
