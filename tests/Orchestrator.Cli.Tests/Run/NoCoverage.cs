using System.Xml.Linq;
using CliWrap.Buffered;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>What a run with coverage off leaves: no coverage file, no collector in any unit's settings, no coverlet option on any command line.</summary>
internal static class NoCoverage
{
    public static void Assert(string results, BufferedCommandResult run)
    {
        Xunit.Assert.Empty(Directory.EnumerateFiles(results, "coverage*", SearchOption.AllDirectories));
        Xunit.Assert.All(Directory.EnumerateFiles(results, "*.runsettings", SearchOption.AllDirectories), file => Xunit.Assert.Empty(XDocument.Load(file).Descendants("DataCollector")));
        var logs = Directory.EnumerateFiles(results, "output.log", SearchOption.AllDirectories).ToList();
        Xunit.Assert.NotEmpty(logs);
        Xunit.Assert.All(logs, log => Xunit.Assert.DoesNotContain("coverlet", File.ReadLines(log).First(), StringComparison.OrdinalIgnoreCase));
        Xunit.Assert.DoesNotContain("Coverage:", run.StandardOutput, StringComparison.Ordinal);
    }
}
