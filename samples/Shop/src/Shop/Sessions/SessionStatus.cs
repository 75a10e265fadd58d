namespace Shop.Sessions;

public enum SessionStatus
{
    Valid,
    Expired,
    Unknown,
    Malformed,
}
