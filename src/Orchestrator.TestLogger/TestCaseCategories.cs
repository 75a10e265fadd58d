using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Orchestrator.TestLogger;

/// <summary>
/// Reads the categories NUnit (<c>NUnit.TestCategory</c>) and MSTest (<c>MSTestDiscoverer.TestCategory</c>)
/// attach to a test case: adapter-specific properties, all labelled <c>TestCategory</c>.
/// </summary>
internal static class TestCaseCategories
{
    private const string Label = "TestCategory";

    public static IReadOnlyList<string> Of(TestCase testCase)
    {
        var categories = new List<string>();
        foreach (var property in testCase.Properties)
        {
            if (!IsCategoryProperty(property))
            {
                continue;
            }

            switch (testCase.GetPropertyValue(property))
            {
                case string[] values:
                    categories.AddRange(values.Where(value => !string.IsNullOrWhiteSpace(value)));
                    break;
                case string value when !string.IsNullOrWhiteSpace(value):
                    categories.Add(value);
                    break;
            }
        }

        return categories.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsCategoryProperty(TestProperty property) =>
        string.Equals(property.Label, Label, StringComparison.Ordinal)
        || property.Id.EndsWith("." + Label, StringComparison.Ordinal);
}
