using System.Text;
using System.Xml;

namespace Orchestrator.Up;

/// <summary>
/// A RunSettings file whose <c>RunConfiguration/EnvironmentVariables</c> give every test host the variables tests need
/// to reach what <c>up</c> keeps: <c>dotnet test --settings</c>, Visual Studio, Rider and the C# Dev Kit read it.
/// </summary>
internal static class RunSettingsFile
{
    /// <param name="header">A comment for the top of the file.</param>
    /// <param name="variables">Name → value; values are escaped as XML text.</param>
    /// <exception cref="FormatException">A variable's name is no XML element name; the message names it.</exception>
    public static string Render(string header, IReadOnlyDictionary<string, string> variables)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteComment($" {header.Replace("--", "- -", StringComparison.Ordinal)} ");
            xml.WriteStartElement("RunSettings");
            xml.WriteStartElement("RunConfiguration");
            xml.WriteStartElement("EnvironmentVariables");
            foreach (var (name, value) in variables.OrderBy(variable => variable.Key, StringComparer.Ordinal))
            {
                try
                {
                    XmlConvert.VerifyName(name);
                }
                catch (XmlException)
                {
                    throw new FormatException(
                        $"Variable name '{name}' cannot be an element of a RunSettings file's EnvironmentVariables (an XML name starts with a letter or '_' and holds letters, digits, '_', '-' and '.'): rename it in the configuration.");
                }
                xml.WriteElementString(name, value);
            }
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
