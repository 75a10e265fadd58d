using Orchestrator.Text;
using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>
/// Gives every discovered test its layer and resources: from its own traits and categories first,
/// then its project's declarations, then the configuration's rules (first match wins; a rule with
/// <see cref="TestRule.Override"/> beats traits), then the default layer. Theory rows that share a
/// <see cref="TestKey"/> become one test. Pure: no I/O.
/// </summary>
internal sealed class TestClassifier
{
    /// <summary>Trait name under which NUnit/MSTest categories are kept in <see cref="DiscoveredTest.Traits"/>.</summary>
    public const string CategoryTraitName = "TestCategory";

    private readonly OrchestratorConfiguration _configuration;
    private readonly Dictionary<string, string> _layers;
    private readonly Dictionary<string, string> _resources;

    public TestClassifier(OrchestratorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        _layers = configuration.Layers.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(layer => layer, layer => layer.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
        _resources = configuration.Resources.Keys.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(name => name, name => name.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
    }

    public TestInventory Classify(IEnumerable<AssemblyCases> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var all = assemblies.ToList();
        var run = new ClassificationRun(this);
        run.ValidateRules();
        var frameworks = run.QualifyingFrameworks(all);
        foreach (var assembly in all)
        {
            run.Add(assembly, frameworks.GetValueOrDefault(assembly.AssemblyPath));
        }

        return run.Finish();
    }

    private string? KnownLayer(string value) => _layers.GetValueOrDefault(value.Trim());

    private string? KnownResource(string value) => _resources.GetValueOrDefault(value.Trim());

    private string LayerList => string.Join(", ", _configuration.Layers);

    private string ResourceList => _resources.Count == 0 ? "none" : string.Join(", ", _resources.Values.Order(StringComparer.Ordinal));

    private string? SuggestResource(string value) => NameSuggestion.Nearest(value, _resources.Values);

    private string? SuggestLayer(string value) => NameSuggestion.Nearest(value, _layers.Values);

    /// <summary>State of one classification: the tests so far and problems aggregated across assemblies.</summary>
    private sealed class ClassificationRun(TestClassifier classifier)
    {
        private readonly OrchestratorConfiguration _configuration = classifier._configuration;
        private readonly List<DiscoveredTest> _tests = [];
        private readonly List<DiscoveryProblem> _problems = [];
        private readonly Dictionary<string, List<TestKey>> _unknownResources = new(StringComparer.OrdinalIgnoreCase);
        private readonly SortedSet<string> _valuesThatNameNoLayer = new(StringComparer.OrdinalIgnoreCase);
        private int _defaultedLayers;

        public void ValidateRules()
        {
            for (var index = 0; index < _configuration.Rules.Length; index++)
            {
                var rule = _configuration.Rules[index];
                var subject = $"rules[{index}]" + (rule.Description is null ? "" : $" ({rule.Description})");
                if (rule.Layer is not null && classifier.KnownLayer(rule.Layer) is null)
                {
                    _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, subject,
                        $"Rule {subject} gives layer '{rule.Layer}', which is not a configured layer ({classifier.LayerList}).{Hint(classifier.SuggestLayer(rule.Layer))}"));
                }

                foreach (var resource in rule.Resources.Where(resource => classifier.KnownResource(resource) is null))
                {
                    _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, subject,
                        $"Rule {subject} gives resource '{resource}', which the configuration does not define (defined: {classifier.ResourceList}).{Hint(classifier.SuggestResource(resource))}"));
                }
            }
        }

        /// <summary>
        /// The framework each assembly's tests are keyed under: every assembly that shares its file name with another
        /// (one project built for several frameworks) is qualified by its framework. Assemblies of one name that no
        /// framework tells apart would share test identities, so each such pair is an error naming both.
        /// </summary>
        public Dictionary<string, string> QualifyingFrameworks(List<AssemblyCases> assemblies)
        {
            var frameworks = new Dictionary<string, string>(StringComparer.Ordinal);
            var namesakes = assemblies
                .GroupBy(assembly => TestAssemblyName.Of(assembly.AssemblyPath), StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Count() > 1);
            foreach (var group in namesakes)
            {
                var byFramework = group.GroupBy(assembly => assembly.Manifest?.TargetFramework ?? assembly.TargetFramework, StringComparer.OrdinalIgnoreCase);
                foreach (var builds in byFramework)
                {
                    var paths = builds.Select(assembly => assembly.AssemblyPath).ToList();
                    if (builds.Key is { } framework && paths.Count == 1)
                    {
                        frameworks[paths[0]] = framework;
                        continue;
                    }
                    var reason = builds.Key is null
                        ? "no framework read from them tells them apart"
                        : $"both are built for {builds.Key}";
                    var clash = paths.Count > 1 ? paths : [.. paths, .. group.Select(assembly => assembly.AssemblyPath).Except(paths, StringComparer.Ordinal).Take(1)];
                    _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, clash[0],
                        $"Test assemblies '{string.Join("' and '", clash)}' are both named '{group.Key}' and {reason}, so their tests would share one identity " +
                        "and the results of one would be taken for the other's. Give the run only one of them, or give the projects different assembly names."));
                }
            }
            return frameworks;
        }

        /// <param name="targetFramework">The framework the assembly was built for, when another assembly of its name is planned: part of its keys.</param>
        public void Add(AssemblyCases assembly, string? targetFramework)
        {
            var assemblyName = Path.GetFileNameWithoutExtension(assembly.AssemblyPath);
            var project = ProjectDefaults(assembly.Manifest);
            var runner = assembly.Manifest?.Runner ?? TestRunnerKind.VSTest;

            foreach (var cases in assembly.Cases.GroupBy(testCase => testCase.FullyQualifiedName, StringComparer.Ordinal))
            {
                var first = cases.First();
                var key = new TestKey(TestAssemblyName.Of(assembly.AssemblyPath, targetFramework), first.FullyQualifiedName);
                var traits = cases
                    .SelectMany(testCase => testCase.Traits.Concat(testCase.Categories.Select(category => new TestTrait(CategoryTraitName, category))))
                    .Distinct()
                    .ToList();
                var rule = FindRule(assemblyName, assembly.Manifest?.ProjectName, TestName.Parse(first.FullyQualifiedName));
                var (layer, layerOrigin) = ResolveLayer(traits, project.Layer, rule);
                var (resources, resourcesOrigin) = ResolveResources(key, traits, project.Resources, rule);

                _tests.Add(new DiscoveredTest(
                    key,
                    first.DisplayName,
                    assembly.AssemblyPath,
                    assembly.Manifest?.ProjectPath,
                    layer,
                    resources,
                    traits,
                    layerOrigin,
                    resourcesOrigin,
                    cases.Count())
                {
                    Partition = rule?.Partition,
                    Runner = runner,
                    CaseIds = runner == TestRunnerKind.MicrosoftTestingPlatform ? [.. cases.Select(testCase => testCase.Id).OfType<string>()] : [],
                    Rows = [.. cases.Where(testCase => testCase.Id is not null).Select(testCase => new TestCaseRow(key, testCase.Id!, testCase.DisplayName))],
                });
            }
        }

        public TestInventory Finish()
        {
            foreach (var (value, tests) in _unknownResources.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                var others = tests.Count > 1 ? $" and {tests.Count - 1} other test(s)" : "";
                _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, tests[0].ToString(),
                    $"Test '{tests[0]}'{others} need(s) resource '{value}', which the configuration does not define " +
                    $"(defined: {classifier.ResourceList}).{Hint(classifier.SuggestResource(value))} " +
                    $"Fix the {_configuration.Traits.Resource} trait or add '{value.ToLowerInvariant()}' to the resources of the configuration."));
            }

            if (_defaultedLayers > 0)
            {
                var unmatched = _valuesThatNameNoLayer.Count == 0 ? ""
                    : $" Trait values seen that name no layer: {string.Join(", ", _valuesThatNameNoLayer)}.";
                _problems.Add(new DiscoveryProblem(ProblemSeverity.Warning, "layer",
                    $"{_defaultedLayers} test(s) declare no layer and were given the default layer '{_configuration.DefaultLayer.ToLowerInvariant()}'. " +
                    $"Give them a {_configuration.Traits.Layer} trait ({classifier.LayerList}), an <OrchestratorLayer> in their project, or a rule.{unmatched}"));
            }

            return new TestInventory([.. _tests.OrderBy(test => test.Key, TestKey.Ordinal)], [.. _problems]);
        }

        private (string? Layer, ResourceSet Resources) ProjectDefaults(TestProjectManifest? manifest)
        {
            if (manifest is null)
            {
                return (null, ResourceSet.None);
            }

            string? layer = null;
            if (manifest.Layer is not null)
            {
                layer = classifier.KnownLayer(manifest.Layer);
                if (layer is null)
                {
                    _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, manifest.ProjectPath,
                        $"Project '{manifest.ProjectName}' declares <OrchestratorLayer>{manifest.Layer}</OrchestratorLayer>, which is not a configured layer " +
                        $"({classifier.LayerList}).{Hint(classifier.SuggestLayer(manifest.Layer))}"));
                }
            }

            var resources = new List<string>();
            foreach (var resource in manifest.Resources)
            {
                var known = classifier.KnownResource(resource);
                if (known is null)
                {
                    _problems.Add(new DiscoveryProblem(ProblemSeverity.Error, manifest.ProjectPath,
                        $"Project '{manifest.ProjectName}' declares <OrchestratorResource Include=\"{resource}\" />, which the configuration does not define " +
                        $"(defined: {classifier.ResourceList}).{Hint(classifier.SuggestResource(resource))}"));
                }
                resources.Add(known ?? resource);
            }

            return (layer, ResourceSet.Of(resources));
        }

        private TestRule? FindRule(string assemblyName, string? projectName, TestName name)
        {
            static bool Matches(string? pattern, params string[] texts) =>
                pattern is null || texts.Any(text => WildcardPattern.IsMatch(pattern, text));

            var typeName = name.Namespace.Length == 0 ? name.Class : $"{name.Namespace}.{name.Class}";
            return _configuration.Rules.FirstOrDefault(rule =>
                Matches(rule.Assembly, assemblyName, projectName ?? assemblyName)
                && Matches(rule.Namespace, name.Namespace)
                && Matches(rule.Class, name.Class, typeName)
                && Matches(rule.Test, name.Method, $"{typeName}.{name.Method}"));
        }

        private (string Layer, TraitOrigin Origin) ResolveLayer(List<TestTrait> traits, string? projectLayer, TestRule? rule)
        {
            var ruleLayer = rule?.Layer is null ? null : classifier.KnownLayer(rule.Layer);
            if (rule is { Override: true } && ruleLayer is not null)
            {
                return (ruleLayer, TraitOrigin.Rule);
            }

            string? traitLayer = null;
            var unmatched = new List<string>();
            foreach (var trait in traits.Where(trait => IsLayerTrait(trait.Name)))
            {
                var known = classifier.KnownLayer(trait.Value);
                if (known is null)
                {
                    unmatched.Add(trait.Value);
                }
                else
                {
                    traitLayer ??= known;
                }
            }

            if (traitLayer is not null)
            {
                return (traitLayer, TraitOrigin.Trait);
            }

            if (projectLayer is not null)
            {
                return (projectLayer, TraitOrigin.Project);
            }

            if (ruleLayer is not null)
            {
                return (ruleLayer, TraitOrigin.Rule);
            }

            _defaultedLayers++;
            _valuesThatNameNoLayer.UnionWith(unmatched);
            return (_configuration.DefaultLayer.ToLowerInvariant(), TraitOrigin.Default);
        }

        private (ResourceSet Resources, TraitOrigin Origin) ResolveResources(TestKey key, List<TestTrait> traits, ResourceSet projectResources, TestRule? rule)
        {
            var ruleResources = rule is null
                ? ResourceSet.None
                : ResourceSet.Of(rule.Resources.Select(classifier.KnownResource).OfType<string>());
            if (rule is { Override: true } && !ruleResources.IsEmpty)
            {
                return (ruleResources, TraitOrigin.Rule);
            }

            var declared = traits
                .Where(trait => string.Equals(trait.Name, _configuration.Traits.Resource, StringComparison.OrdinalIgnoreCase))
                .Select(trait => trait.Value.Trim())
                .Where(value => value.Length > 0)
                .ToList();
            if (declared.Count > 0)
            {
                var known = new List<string>();
                foreach (var value in declared)
                {
                    var resource = classifier.KnownResource(value);
                    if (resource is null)
                    {
                        RecordUnknownResource(value, key);
                    }
                    // An unknown name stays in the set: dropping it would make the test look resource-free and run
                    // in cadences that start nothing; kept, no cadence selects it and the problem fails the run.
                    known.Add(resource ?? value);
                }

                return (ResourceSet.Of(known).Union(projectResources), TraitOrigin.Trait);
            }

            if (!projectResources.IsEmpty)
            {
                return (projectResources, TraitOrigin.Project);
            }

            return ruleResources.IsEmpty ? (ResourceSet.None, TraitOrigin.Default) : (ruleResources, TraitOrigin.Rule);
        }

        private bool IsLayerTrait(string name) =>
            string.Equals(name, _configuration.Traits.Layer, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, CategoryTraitName, StringComparison.OrdinalIgnoreCase);

        private void RecordUnknownResource(string value, TestKey key)
        {
            if (!_unknownResources.TryGetValue(value, out var tests))
            {
                tests = [];
                _unknownResources.Add(value, tests);
            }

            if (!tests.Contains(key))
            {
                tests.Add(key);
            }
        }

        private static string Hint(string? suggestion) => suggestion is null ? "" : $" Did you mean '{suggestion}'?";
    }
}
