using Orchestrator.Fixtures;

namespace Orchestrator.TestLogger.Tests;

/// <summary>
/// Four small VSTest projects (xUnit v2, xunit.v3 through its adapter, NUnit, MSTest) under tests/Fixtures, built by the main build. They
/// import the manifest targets and write their manifests into one directory of their own. Tests use them in
/// place and read only; a test that writes beside an assembly copies the output first.
/// </summary>
internal static class FrameworkFixtures
{
    public static string ManifestDirectory => PrebuiltFixture.ManifestDirectory("frameworks");

    public static string XunitAssembly => PrebuiltFixture.Assembly("XunitSample.Tests");

    public static string NunitAssembly => PrebuiltFixture.Assembly("NunitSample.Tests");

    public static string MstestAssembly => PrebuiltFixture.Assembly("MstestSample.Tests");
}
