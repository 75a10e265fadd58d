namespace Orchestrator.Model;

/// <summary>One name/value trait of a test, as the test framework reported it.</summary>
public readonly record struct TestTrait(string Name, string Value);
