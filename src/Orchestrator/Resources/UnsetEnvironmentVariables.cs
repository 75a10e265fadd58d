using Orchestrator.Configuration;

namespace Orchestrator.Resources;

/// <summary>
/// Finds the <c>{env:NAME}</c> placeholders of the resources a run needs whose variable is not set, before any
/// container starts: found later, they would fail the run after the containers were up.
/// </summary>
internal static class UnsetEnvironmentVariables
{
    /// <returns>One line per unset variable: where it is used and its name; empty when every one is set.</returns>
    public static IReadOnlyList<string> In(IEnumerable<ResourceDefinition> resources, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(environment);
        var unset = new List<string>();
        foreach (var resource in resources)
        {
            // What the provider renders as templates (the configuration reader checks the same three): the container's
            // environment, the variables handed to tests, the isolation setup command. The container command is not one.
            var templates = resource.Environment.Select(pair => ($"resources.{resource.Name}.environment.{pair.Key}", pair.Value))
                .Concat(resource.Variables.Select(pair => ($"resources.{resource.Name}.variables.{pair.Key}", pair.Value)))
                .Concat(resource.Isolation.Setup.Select((part, index) => ($"resources.{resource.Name}.isolation.setup[{index}]", part)));
            foreach (var (path, template) in templates)
            {
                foreach (var placeholder in VariableTemplate.Placeholders(template))
                {
                    if (placeholder.StartsWith("env:", StringComparison.Ordinal) && string.IsNullOrEmpty(environment(placeholder[4..])))
                    {
                        unset.Add($"{path} uses {{{placeholder}}}, but {placeholder[4..]} is not set");
                    }
                }
            }
        }
        return unset;
    }
}
