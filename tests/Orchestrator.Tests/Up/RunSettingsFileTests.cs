using System.Xml.Linq;
using Orchestrator.Up;
using Xunit;

namespace Orchestrator.Tests.Up;

[Trait("Category", "Unit")]
public sealed class RunSettingsFileTests
{
    [Fact]
    public void Writes_every_variable_as_an_element_of_the_run_configuration_environment_sorted_by_name()
    {
        var variables = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = "127.0.0.1:49154,password=x,defaultDatabase=1",
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=49153;Database=up_1abcd",
        };

        var text = RunSettingsFile.Render("Written by 'orchestrator up'", variables);

        Assert.Equal(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by 'orchestrator up' -->
            <RunSettings>
              <RunConfiguration>
                <EnvironmentVariables>
                  <ConnectionStrings__Postgres>Host=127.0.0.1;Port=49153;Database=up_1abcd</ConnectionStrings__Postgres>
                  <ConnectionStrings__Redis>127.0.0.1:49154,password=x,defaultDatabase=1</ConnectionStrings__Redis>
                </EnvironmentVariables>
              </RunConfiguration>
            </RunSettings>

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Escapes_values_with_xml_characters_so_that_they_read_back_unchanged()
    {
        const string odd = "Password=a<b>&c\"d'e;]]>tab\there";

        var text = RunSettingsFile.Render("h", new Dictionary<string, string> { ["DB"] = odd });

        Assert.Equal(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- h -->
            <RunSettings>
              <RunConfiguration>
                <EnvironmentVariables>
                  <DB>Password=a&lt;b&gt;&amp;c"d'e;]]&gt;tab	here</DB>
                </EnvironmentVariables>
              </RunConfiguration>
            </RunSettings>

            """.ReplaceLineEndings("\n"),
            text);
        Assert.Equal(odd, XDocument.Parse(text).Root!.Element("RunConfiguration")!.Element("EnvironmentVariables")!.Element("DB")!.Value);
    }

    [Fact]
    public void A_header_with_a_double_hyphen_stays_a_valid_comment()
    {
        var text = RunSettingsFile.Render("run 'orchestrator down' -- or not", new Dictionary<string, string>());

        Assert.Contains("<!-- run 'orchestrator down' - - or not -->", text, StringComparison.Ordinal);
        Assert.NotNull(XDocument.Parse(text).Root);
    }

    [Fact]
    public void A_name_that_is_no_xml_element_name_is_refused_naming_it()
    {
        var refused = Assert.Throws<FormatException>(() => RunSettingsFile.Render("h", new Dictionary<string, string> { ["1DB URL"] = "x" }));

        Assert.Contains("'1DB URL'", refused.Message, StringComparison.Ordinal);
    }
}
