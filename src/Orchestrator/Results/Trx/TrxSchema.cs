using System.Xml.Linq;

namespace Orchestrator.Results.Trx;

/// <summary>Names and fixed ids of the VSTest TRX format (<c>vstst.xsd</c>).</summary>
internal static class TrxSchema
{
    public const string NamespaceUri = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The <c>testType</c> of unit tests.</summary>
    public const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";

    /// <summary>The list every VSTest result belongs to: "Results Not in a List".</summary>
    public const string ResultsNotInAListId = "8c84fa94-04c1-424b-9868-57a2d4851a1d";

    public const string AllLoadedResultsId = "19431567-8539-422a-85d7-44ee4e166bda";

    public static readonly XNamespace Namespace = NamespaceUri;
}
