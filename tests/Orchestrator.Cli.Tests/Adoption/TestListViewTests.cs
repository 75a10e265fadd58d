using Orchestrator.Cli.Discover;
using Orchestrator.Model;
using Spectre.Console;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class TestListViewTests
{
    [Fact]
    public void Each_test_is_listed_with_its_layer_resources_and_where_they_came_from()
    {
        var inventory = new TestInventory(
        [
            new DiscoveredTest(new TestKey("Shop.Tests", "Shop.Db.OrderTests.Saves"), "Saves", "Shop.Tests.dll", null, "integration", ResourceSet.Of("postgres"), [], TraitOrigin.Rule, TraitOrigin.Rule),
            new DiscoveredTest(new TestKey("Shop.Tests", "Shop.PriceTests.Adds"), "Adds", "Shop.Tests.dll", null, "unit", ResourceSet.None, [], TraitOrigin.Trait, TraitOrigin.Default),
        ], []);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;

        TestListView.Render(inventory, console);

        var lines = output.ToString().Split('\n');
        var database = Assert.Single(lines, line => line.Contains("Shop.Db.OrderTests.Saves", StringComparison.Ordinal));
        Assert.Matches(@"integration\s*│\s*rule\s*│\s*postgres\s*│\s*rule", database);
        var price = Assert.Single(lines, line => line.Contains("Shop.PriceTests.Adds", StringComparison.Ordinal));
        Assert.Matches(@"unit\s*│\s*trait\s*│\s*-\s*│\s*default", price);
    }
}
