namespace Orchestrator.Execution.Settings;

/// <summary>A <c>.runsettings</c> document the team wrote, as read from its file.</summary>
/// <param name="Source">Where it came from (a file path), named in warnings and errors.</param>
/// <param name="Xml">Its text.</param>
public sealed record RunSettingsLayer(string Source, string Xml);
