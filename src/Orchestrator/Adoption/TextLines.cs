namespace Orchestrator.Adoption;

/// <summary>Line numbers in a text, for evidence a reader can find.</summary>
internal static class TextLines
{
    /// <summary>The 1-based line on which <paramref name="index"/> lies.</summary>
    public static int LineOf(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
