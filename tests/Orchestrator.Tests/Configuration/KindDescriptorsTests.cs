using System.Text.Json;
using Orchestrator.Configuration;
using Orchestrator.Configuration.Kinds;
using Xunit;

namespace Orchestrator.Tests.Configuration;

/// <summary>The registered kinds against everything that must agree with them and cannot be derived from them.</summary>
[Trait("Category", "Unit")]
public sealed class KindDescriptorsTests
{
    private static readonly string _repository = Path.GetDirectoryName(ConfigurationLoader.FindDefault(AppContext.BaseDirectory))!;

    [Fact]
    public void Every_container_kind_is_registered_once_and_spelled_in_the_configuration_by_its_name()
    {
        var builtIn = Enum.GetValues<ResourceKind>().Except([ResourceKind.Generic, ResourceKind.External]).ToList();

        Assert.Equal(builtIn.Order(), KindDescriptors.All.Select(descriptor => descriptor.Kind).Order());
        Assert.Equal(KindDescriptors.All.Length, KindDescriptors.All.Select(descriptor => descriptor.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(KindDescriptors.All, descriptor =>
        {
            Assert.Equal(descriptor.Kind, ConfigurationKeys.ResourceKinds[descriptor.Name]);
            Assert.Same(descriptor, KindDescriptors.For(descriptor.Kind));
            Assert.NotEmpty(descriptor.Ports);
            Assert.Contains("{namespace}", descriptor.ConnectionTemplate, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_schemas_kind_enum_is_the_registered_kinds_with_generic_and_external()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository, "eng", "schema", "orchestrator.schema.json")));
        var spelled = schema.RootElement.GetProperty("$defs").GetProperty("resource").GetProperty("properties").GetProperty("kind").GetProperty("enum")
            .EnumerateArray().Select(value => value.GetString()!);

        Assert.Equal(
            KindDescriptors.All.Select(descriptor => descriptor.Name).Append("generic").Append("external").Order(StringComparer.Ordinal),
            spelled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_registered_kind_has_the_local_image_init_writes_and_the_image_script_builds_it()
    {
        var script = File.ReadAllText(Path.Combine(_repository, "eng", "images", "build-images.sh"));
        var defaults = script.Split('\n').Single(line => line.Contains("names=(", StringComparison.Ordinal) && line.Contains("||", StringComparison.Ordinal));

        Assert.All(KindDescriptors.All, descriptor =>
        {
            Assert.True(File.Exists(Path.Combine(_repository, "eng", "images", descriptor.Name, "Dockerfile")), $"eng/images/{descriptor.Name}/Dockerfile is missing: init writes orchestrator/{descriptor.Name}:local.");
            Assert.Contains(descriptor.Name, defaults.Split(['(', ')', ' '], StringSplitOptions.RemoveEmptyEntries));
        });
    }
}
