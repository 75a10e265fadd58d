namespace Shop.Notifications;

public enum FailureDisposition
{
    Retry,
    DeadLetter,
}
