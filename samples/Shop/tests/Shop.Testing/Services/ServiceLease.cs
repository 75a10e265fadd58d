namespace Shop.Testing.Services;

public sealed class ServiceLease(string connectionString, Func<ValueTask>? release = null) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
}
