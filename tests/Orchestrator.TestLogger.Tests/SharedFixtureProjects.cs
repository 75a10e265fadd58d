using Xunit;

namespace Orchestrator.TestLogger.Tests;

/// <summary>The fixture projects are built once for every test class that uses them.</summary>
[CollectionDefinition(FixtureProjects.Collection)]
public sealed class SharedFixtureProjects : ICollectionFixture<FixtureProjects>;
