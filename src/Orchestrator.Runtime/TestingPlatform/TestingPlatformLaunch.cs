namespace Orchestrator.TestingPlatform;

/// <summary>How to start one Microsoft.Testing.Platform test application.</summary>
/// <param name="DotnetPath">The dotnet host that runs the application's assembly.</param>
/// <param name="ApplicationPath">The test application's assembly (<c>Tests.dll</c>).</param>
/// <param name="Arguments">Extra command-line options before the server options (<c>--filter</c>, <c>--results-directory</c>).</param>
/// <param name="WorkingDirectory">Where it runs.</param>
/// <param name="Environment">Variables set on top of the inherited environment.</param>
internal sealed record TestingPlatformLaunch(
    string DotnetPath,
    string ApplicationPath,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment);
