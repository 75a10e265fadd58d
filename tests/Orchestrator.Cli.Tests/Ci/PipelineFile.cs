using Orchestrator.Cli.Tests.Adoption;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Cli.Tests.Ci;

/// <summary>A ready-made pipeline under <c>eng/ci/</c>, parsed as YAML, with the shell scripts its steps run.</summary>
internal sealed class PipelineFile
{
    private PipelineFile(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public static PipelineFile Load(string name)
    {
        var path = System.IO.Path.Combine(RepositoryPaths.Root(), "eng", "ci", name);
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return stream.Documents.Single().RootNode is YamlMappingNode root
            ? new PipelineFile(path, root)
            : throw new InvalidDataException($"{path} is not a YAML mapping at its top.");
    }

    /// <summary>Every script a step runs: the values of <c>run</c> (GitHub), <c>script</c> (Azure, GitLab; a list there) keys.</summary>
    public IReadOnlyList<string> Scripts() => [.. ScriptsUnder(Root)];

    /// <summary>The node at a path of mapping keys and sequence indexes, e.g. <c>("jobs", "test", "strategy")</c>.</summary>
    public YamlNode At(params object[] path)
    {
        YamlNode node = Root;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (YamlMappingNode mapping, string key) when mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) => child,
                (YamlSequenceNode sequence, int index) when index < sequence.Children.Count => sequence.Children[index],
                _ => throw new KeyNotFoundException($"{Path} has no '{string.Join('.', path)}' (stopped at '{step}')."),
            };
        }
        return node;
    }

    private static IEnumerable<string> ScriptsUnder(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "run" or "script" })
                    {
                        foreach (var script in value is YamlSequenceNode lines ? lines.Children : [value])
                        {
                            yield return ((YamlScalarNode)script).Value ?? string.Empty;
                        }
                        continue;
                    }
                    foreach (var script in ScriptsUnder(value))
                    {
                        yield return script;
                    }
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var script in sequence.Children.SelectMany(ScriptsUnder))
                {
                    yield return script;
                }
                break;
        }
    }
}
