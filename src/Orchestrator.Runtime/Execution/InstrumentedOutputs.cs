using System.Collections.Concurrent;

namespace Orchestrator.Execution;

/// <summary>
/// One lock per build output directory that coverlet instruments. Coverlet rewrites the modules beside a test assembly
/// in place and puts the originals back when its process ends, so two units measuring over the same output at once
/// undo each other's instrumentation (one measures nothing, the other an empty file): they take turns instead, whatever
/// runs them (VSTest's collector or the Microsoft.Testing.Platform extension).
/// </summary>
internal sealed class InstrumentedOutputs
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the build outputs of <paramref name="sources"/>; disposing the result lets the next unit in.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; nothing is held then.</exception>
    public async Task<IDisposable> TakeTurnAsync(IEnumerable<string> sources, CancellationToken ct)
    {
        var held = new Turn();
        try
        {
            // In one order for every unit, so two units over the same outputs never wait for each other.
            foreach (var output in sources.Select(source => Path.GetDirectoryName(Path.GetFullPath(source))!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var gate = _gates.GetOrAdd(output, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(ct).ConfigureAwait(false);
                held.Gates.Add(gate);
            }
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private sealed class Turn : IDisposable
    {
        public List<SemaphoreSlim> Gates { get; } = [];

        public void Dispose()
        {
            foreach (var gate in Gates)
            {
                gate.Release();
            }
            Gates.Clear();
        }
    }
}
