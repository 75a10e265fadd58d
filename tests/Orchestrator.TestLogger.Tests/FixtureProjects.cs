using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.TestLogger.Tests;

/// <summary>
/// Three small test projects (xUnit, NUnit, MSTest) created and built once under the temp
/// directory, outside the repository so its Directory.Build.* do not apply. They import the
/// manifest targets and write their manifests into one directory.
/// </summary>
public sealed class FixtureProjects : IAsyncLifetime
{
    public const string Collection = "Fixture projects";

    private static readonly string[] s_projects = ["XunitSample.Tests", "NunitSample.Tests", "MstestSample.Tests"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "orchestrator-fixtures-" + Guid.NewGuid().ToString("N")[..12]);

    public string ManifestDirectory => Path.Combine(Root, "manifests");

    public string XunitAssembly => Output("XunitSample.Tests");

    public string NunitAssembly => Output("NunitSample.Tests");

    public string MstestAssembly => Output("MstestSample.Tests");

    public string Output(string project) => Path.Combine(Root, project, "bin", "Release", "net10.0", project + ".dll");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Write("XunitSample.Tests",
            """
            <OrchestratorLayer>E2E</OrchestratorLayer>
            """,
            """
            <OrchestratorResource Include="rabbitmq" />
            """,
            ["xunit", "xunit.runner.visualstudio"],
            """
            using Xunit;
            namespace XunitSample;
            public class OrderTests
            {
                [Fact, Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "redis")]
                public void Saves() { }

                [Theory, InlineData(1), InlineData(2)]
                public void Rows(int value) => Assert.True(value > 0);

                [Fact, Trait("Category", "Integration"), Trait("Resource", "postgress")]
                public void Misspelt() { }
            }
            """);
        Write("NunitSample.Tests", "", "", ["NUnit", "NUnit3TestAdapter"],
            """
            using NUnit.Framework;
            namespace NunitSample;
            public class StockTests
            {
                [Test, Category("Integration"), Category("Slow"), Property("Resource", "postgres"), Property("Resource", "redis")]
                public void Reserves() { }

                [TestCase(1), TestCase(2)]
                public void Counts(int value) => Assert.That(value, Is.Positive);

                [Test]
                public void Fails() => Assert.Fail("expected failure");
            }
            """);
        Write("MstestSample.Tests", "", "", ["MSTest.TestFramework", "MSTest.TestAdapter"],
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            [assembly: DoNotParallelize]
            namespace MstestSample;
            [TestClass]
            public class PaymentTests
            {
                [TestMethod, TestCategory("E2E"), TestCategory("Nightly"), TestProperty("Resource", "redis"), TestProperty("Resource", "rabbitmq")]
                public void Pays() { }

                [TestMethod, DataRow(1), DataRow(2)]
                public void Rounds(int value) => Assert.IsTrue(value > 0);
            }
            """);

        var builds = s_projects.Select(async project =>
        {
            var result = await Cli.Wrap("dotnet")
                .WithArguments(["build", Path.Combine(Root, project), "-c", "Release", "-nologo"])
                .WithWorkingDirectory(Root)
                .WithEnvironmentVariables(environment => environment.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Building fixture {project} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
            }
        });
        await Task.WhenAll(builds);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private void Write(string project, string properties, string items, string[] packages, string code)
    {
        var directory = Path.Combine(Root, project);
        Directory.CreateDirectory(directory);
        var references = string.Join("\n", packages.Prepend("Microsoft.NET.Test.Sdk")
            .Select(package => $"""    <PackageReference Include="{package}" Version="{BuildSettings.PackageVersion(package)}" />"""));
        File.WriteAllText(Path.Combine(directory, project + ".csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
                <OrchestratorTasksAssembly>{BuildSettings.TasksAssembly}</OrchestratorTasksAssembly>
                <OrchestratorManifestDirectory>{ManifestDirectory}/</OrchestratorManifestDirectory>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}
                {items}
              </ItemGroup>
              <Import Project="{BuildSettings.Targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Tests.cs"), code);
    }
}
