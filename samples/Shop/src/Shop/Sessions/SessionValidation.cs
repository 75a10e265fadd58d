namespace Shop.Sessions;

public sealed record SessionValidation(SessionStatus Status, Session? Session = null)
{
    public bool IsValid => Status == SessionStatus.Valid;
}
