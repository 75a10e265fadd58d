namespace Orchestrator.Cli.Tests.Audit;

/// <summary>
/// A small repository that fails three readiness questions on purpose: a test that sleeps, a resource on a
/// <c>latest</c> image, and passwords in clear in orchestrator.json and in a test project's appsettings.json. It
/// knows the line of each, found in the text it writes.
/// </summary>
internal sealed record WeakRepository(string TestFile, int SleepLine, int LatestImageLine, int ConfigurationPasswordLine, string AppSettingsFile, int AppSettingsPasswordLine)
{
    public const string Password = "hunter2-in-clear";

    private const string Configuration = $$"""
        {
          "layers": ["unit", "integration"],
          "resources": {
            "mail": {
              "kind": "generic",
              "image": "mail:latest",
              "ports": [25],
              "environment": {
                "MAIL_PASSWORD": "{{Password}}"
              }
            }
          }
        }
        """;

    private const string TestSource = """
        using System.Threading;
        using Xunit;

        namespace Mail.Tests;

        public sealed class DeliveryTests
        {
            [Fact]
            public void Delivers_a_message()
            {
                Send();
                Thread.Sleep(2000);
                Assert.True(Delivered());
            }

            private static void Send() { }

            private static bool Delivered() => true;
        }
        """;

    private const string AppSettings = $$"""
        {
          "Mail": {
            "Host": "localhost",
            "Password": "{{Password}}"
          }
        }
        """;

    public static WeakRepository WriteInto(string root)
    {
        const string project = "tests/Mail.Tests";
        Directory.CreateDirectory(Path.Combine(root, project));
        File.WriteAllText(Path.Combine(root, "orchestrator.json"), Configuration);
        File.WriteAllText(Path.Combine(root, project, "Mail.Tests.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.3" /></ItemGroup></Project>""");
        File.WriteAllText(Path.Combine(root, project, "DeliveryTests.cs"), TestSource);
        File.WriteAllText(Path.Combine(root, project, "appsettings.json"), AppSettings);
        return new WeakRepository(
            $"{project}/DeliveryTests.cs", LineOf(TestSource, "Thread.Sleep"),
            LineOf(Configuration, "mail:latest"), LineOf(Configuration, "MAIL_PASSWORD"),
            $"{project}/appsettings.json", LineOf(AppSettings, "\"Password\""));
    }

    private static int LineOf(string text, string fragment) =>
        Array.FindIndex(text.ReplaceLineEndings("\n").Split('\n'), line => line.Contains(fragment, StringComparison.Ordinal)) + 1;
}
