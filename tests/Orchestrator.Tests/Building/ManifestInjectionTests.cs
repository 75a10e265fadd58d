using System.Collections.Immutable;
using Orchestrator.Building;
using Xunit;

namespace Orchestrator.Tests.Building;

[Trait("Category", "Unit")]
public sealed class ManifestInjectionTests : IDisposable
{
    private static readonly ImmutableDictionary<string, string> _noProperties = ImmutableDictionary<string, string>.Empty;

    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-injection-").FullName;

    [Fact]
    public void A_repository_that_sets_neither_hook_gets_the_targets_through_CustomAfterMicrosoftCommonTargets()
    {
        Write("src/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><Import Project="$(CustomAfterMicrosoftCommonTargets)" Condition="false" /></Project>""");

        var usage = TargetsHookUsage.Find([_root], _noProperties, _ => null);

        Assert.Equal(TargetsHookUsage.After, ManifestInjection.Choose(usage).Property);
        Assert.Null(ManifestInjection.Choose(usage).Note);
    }

    [Fact]
    public void A_repository_that_sets_CustomAfterMicrosoftCommonTargets_keeps_it_and_gets_the_targets_through_the_other_hook()
    {
        var props = Write("Directory.Build.props", "<Project><PropertyGroup><CustomAfterMicrosoftCommonTargets>$(MSBuildThisFileDirectory)after.targets</CustomAfterMicrosoftCommonTargets></PropertyGroup></Project>");

        var injection = ManifestInjection.Choose(TargetsHookUsage.Find([_root], _noProperties, _ => null));

        Assert.Equal(TargetsHookUsage.Before, injection.Property);
        Assert.Contains(props, injection.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_set_by_the_environment_or_the_configured_properties_count_too()
    {
        var usage = TargetsHookUsage.Find(
            [_root],
            _noProperties.Add(TargetsHookUsage.Before, "x.targets"),
            name => name == TargetsHookUsage.After ? "/ci/after.targets" : null);

        var refused = Assert.Throws<BuildException>(() => ManifestInjection.Choose(usage));

        Assert.Contains("environment variable CustomAfterMicrosoftCommonTargets", refused.Message, StringComparison.Ordinal);
        Assert.Contains("build.properties.CustomBeforeMicrosoftCommonTargets", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Directory.Build.targets", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_in_build_output_are_not_read()
    {
        Write("src/App/obj/App.csproj.nuget.g.props", "<Project><PropertyGroup><CustomAfterMicrosoftCommonTargets>x</CustomAfterMicrosoftCommonTargets></PropertyGroup></Project>");

        Assert.Empty(TargetsHookUsage.Find([_root], _noProperties, _ => null).SetsAfter);
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
