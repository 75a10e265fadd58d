using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Collection(AdoptionBuilds.Name)]
public sealed class BuildInjectionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-injection-").FullName;

    [Fact]
    public async Task A_repository_that_sets_CustomAfterMicrosoftCommonTargets_keeps_its_targets_and_still_gets_manifests()
    {
        var versions = PackageVersions.FromRepository();
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <CustomAfterMicrosoftCommonTargets>$(MSBuildThisFileDirectory)after.targets</CustomAfterMicrosoftCommonTargets>
              </PropertyGroup>
            </Project>
            """);
        Write("after.targets", """
            <Project>
              <Target Name="WriteAfterMarker" AfterTargets="Build">
                <WriteLinesToFile File="$(MSBuildThisFileDirectory)$(MSBuildProjectName).after" Lines="imported" Overwrite="true" />
              </Target>
            </Project>
            """);
        Write("Hooks.Tests/Hooks.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="xunit" Version="{versions["xunit"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{versions["xunit.runner.visualstudio"]}" />
              </ItemGroup>
            </Project>
            """);
        Write("Hooks.Tests/HookTests.cs", "namespace Hooks.Tests; public class HookTests { [Xunit.Fact] public void Runs() { } }");
        Write("orchestrator.json", """{ "build": { "solution": "Hooks.Tests/Hooks.Tests.csproj" } }""");

        var build = await ToolProcess.RunAsync(["build", "--config", Path.Combine(_root, "orchestrator.json")], TimeSpan.FromMinutes(5));

        Assert.True(build.ExitCode == 0, build.StandardOutput + build.StandardError);
        Assert.Contains("note: CustomAfterMicrosoftCommonTargets is set by", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("-p:CustomBeforeMicrosoftCommonTargets=", build.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "Hooks.Tests.after")), "the repository's own CustomAfterMicrosoftCommonTargets was not imported");
        var manifest = Assert.Single(Directory.GetFiles(Path.Combine(_root, "artifacts", "orchestrator", "manifests"), "*.json"));
        Assert.StartsWith("Hooks.Tests-", Path.GetFileName(manifest), StringComparison.Ordinal);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
