namespace Orchestrator.Tests.Coverage;

/// <summary>Coverlet's JSON coverage of one method, <c>Shop.Sign::Sign</c> in <see cref="File"/>, as a unit's collector writes it.</summary>
internal static class CoverletJsonSample
{
    public const string File = "/repo/src/Shop/Sign.cs";

    /// <param name="lines">Line number and hits.</param>
    /// <param name="branches">Line, branch point offset, path out of it, hits; in a fixed order, as coverlet numbers them.</param>
    public static string Of((int Line, int Hits)[] lines, (int Line, int Offset, int Path, int Hits)[] branches)
    {
        var lineJson = string.Join(", ", lines.Select(line => $"\"{line.Line}\": {line.Hits}"));
        var branchJson = string.Join(", ", branches.Select((branch, ordinal) =>
            $"{{ \"Line\": {branch.Line}, \"Offset\": {branch.Offset}, \"EndOffset\": {branch.Offset + 2 + branch.Path}, \"Path\": {branch.Path}, \"Ordinal\": {ordinal}, \"Hits\": {branch.Hits} }}"));
        return $$"""
            { "Shop.dll": { "{{File}}": { "Shop.Sign": { "System.Int32 Shop.Sign::Sign(System.Int32)": { "Lines": { {{lineJson}} }, "Branches": [ {{branchJson}} ] } } } } }
            """;
    }
}
