namespace Orchestrator.Docker.Isolation;

/// <summary>
/// Hands out an instance's namespace numbers 1, 2, 3…, the lowest returned one first, so an instance whose units
/// come and go one after another reuses a few numbers instead of running out of them.
/// </summary>
internal sealed class NamespaceNumbers
{
    private readonly Lock _lock = new();
    private readonly SortedSet<int> _returned = [];
    private int _last;

    public int Next()
    {
        lock (_lock)
        {
            if (_returned.Count > 0)
            {
                var lowest = _returned.Min;
                _returned.Remove(lowest);
                return lowest;
            }
            return ++_last;
        }
    }

    /// <summary>The number is no longer used by anyone: a later <see cref="Next"/> may hand it out again.</summary>
    public void Return(int number)
    {
        lock (_lock)
        {
            if (number >= 1 && number <= _last)
            {
                _returned.Add(number);
            }
        }
    }
}
