using System.Globalization;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// Arguments of the scale scenario: <c>scale [N …] [--repeat r] [--warm-runs k] [--slots s] [--no-build]</c>.
/// </summary>
internal sealed record ScaleOptions(IReadOnlyList<int> Sizes, int Repeat, int WarmRuns, int Slots, bool Build)
{
    public const string Usage = "scale [N …] [--repeat r=3] [--warm-runs k=1] [--slots s=processors] [--no-build]";

    public static ScaleOptions Parse(IReadOnlyList<string> arguments)
    {
        var sizes = new List<int>();
        var repeat = 3;
        var warmRuns = 1;
        var slots = Environment.ProcessorCount;
        var build = true;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--repeat":
                    repeat = Positive(arguments, ++i);
                    break;
                case "--warm-runs":
                    warmRuns = Positive(arguments, ++i);
                    break;
                case "--slots":
                    slots = Positive(arguments, ++i);
                    break;
                case "--no-build":
                    build = false;
                    break;
                default:
                    sizes.Add(Positive(arguments, i));
                    break;
            }
        }
        return new ScaleOptions(sizes.Count > 0 ? sizes : [500, 5_000], repeat, warmRuns, slots, build);
    }

    private static int Positive(IReadOnlyList<string> arguments, int index) =>
        index < arguments.Count && int.TryParse(arguments[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"Expected a positive whole number at '{(index < arguments.Count ? arguments[index] : "(end)")}'. Usage: {Usage}");
}
