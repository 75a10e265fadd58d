namespace Orchestrator.Execution.Settings;

/// <summary>An element two settings documents both set, to different values; the later document's value is used.</summary>
/// <param name="Path">The element, as <c>RunConfiguration/ResultsDirectory</c> or <c>DataCollectionRunSettings/DataCollectors/DataCollector[XPlat Code Coverage]/Configuration/Format</c>.</param>
/// <param name="Overridden">The document whose value was dropped.</param>
/// <param name="Winner">The document whose value is used.</param>
internal sealed record RunSettingsConflict(string Path, string Overridden, string Winner);
