using Xunit;

namespace Orchestrator.Docker.Tests.Support;

/// <summary>One <see cref="TlsEngine"/> for the tests of a class.</summary>
public sealed class TlsEngineFixture : IAsyncLifetime
{
    private TlsEngine? _engine;

    internal TlsEngine Engine => _engine ?? throw new InvalidOperationException("The TLS engine has not started.");

    public async Task InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _engine = await TlsEngine.StartAsync(deadline.Token);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }
}
