using Orchestrator.Building;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Building;

[Trait("Category", "Unit")]
public sealed class BuildInvocationTests
{
    private static readonly ManifestTargets _targets = new("/tool/msbuild/Orchestrator.MSBuild.targets", "/tool/msbuild/Orchestrator.MSBuild.dll");

    [Fact]
    public void The_build_passes_the_configuration_the_properties_and_injects_the_manifest_targets()
    {
        var settings = BuildSettings.Default with
        {
            Configuration = "Debug",
            Properties = BuildSettings.Default.Properties.Add("Flavor", "ci").Add("DefineConstants", "CI;LINUX"),
        };

        var invocation = BuildInvocation.For(
            settings, "/repo/src/App.sln", "/repo", "/repo/artifacts/orchestrator/manifests", _targets, new ManifestInjection(TargetsHookUsage.After, null));

        Assert.Equal(
            [
                "build", "/repo/src/App.sln", "-c", "Debug", "-nologo",
                "-p:DefineConstants=CI%3BLINUX",
                "-p:Flavor=ci",
                "-p:CustomAfterMicrosoftCommonTargets=/tool/msbuild/Orchestrator.MSBuild.targets",
                "-p:OrchestratorTasksAssembly=/tool/msbuild/Orchestrator.MSBuild.dll",
                "-p:OrchestratorManifestDirectory=/repo/artifacts/orchestrator/manifests/",
            ],
            invocation.Arguments.AsEnumerable());
        Assert.Equal("/repo", invocation.WorkingDirectory);
    }

    [Fact]
    public void Separators_percent_signs_and_quotes_in_a_property_value_are_escaped_the_MSBuild_way()
    {
        Assert.Equal("-p:Name=a%3Bb%2Cc%2525%22d%22", BuildInvocation.Property("Name", "a;b,c%25\"d\""));
    }

    [Fact]
    public void The_injection_property_chosen_is_the_one_on_the_command_line()
    {
        var invocation = BuildInvocation.For(
            BuildSettings.Default, "/repo/App.sln", "/repo", "/repo/m", _targets, new ManifestInjection(TargetsHookUsage.Before, "note"));

        Assert.Contains("-p:CustomBeforeMicrosoftCommonTargets=/tool/msbuild/Orchestrator.MSBuild.targets", invocation.Arguments);
        Assert.DoesNotContain(invocation.Arguments, argument => argument.StartsWith("-p:CustomAfter", StringComparison.Ordinal));
        Assert.Contains("-c Release", invocation.CommandLine, StringComparison.Ordinal);
    }
}
