namespace Coverage.Library;

/// <summary>Branches whose paths the fixture's unit and integration tests take between them, never one layer alone.</summary>
public static class Classifier
{
    public static string Describe(int value)
    {
        if (value > 0)
        {
            return "positive";
        }
        if (value < 0)
        {
            return "negative";
        }
        return "zero";
    }

    public static int Clamp(int value, int low, int high) => value < low ? low : value > high ? high : value;

    public static int Untested(int value)
    {
        var doubled = value * 2;
        return doubled > 100 ? 100 : doubled;
    }
}
