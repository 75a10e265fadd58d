using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class NUnitNamespaceRunTests(NUnitNamespaceSuite suite) : IClassFixture<NUnitNamespaceSuite>
{
    [Fact]
    public async Task Namespace_rules_split_one_untagged_NUnit_project_into_two_partitions_with_their_own_databases()
    {
        var results = Path.Combine(suite.Root, "results-" + Guid.NewGuid().ToString("N"));

        var run = await ToolProcess.RunAsync(["run", "--cadence", "pr", "--config", suite.ConfigurationPath, "--results", results], TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        var ledger = Assert.Single(TrxReader.Read(Path.Combine(results, "integration.trx")).Results);
        var invoices = Assert.Single(TrxReader.Read(Path.Combine(results, "e2e.trx")).Results);
        Assert.Equal((NUnitNamespaceSuite.LedgerTest, TrxOutcome.Passed), (ledger.Key.FullyQualifiedName, ledger.Outcome));
        Assert.Equal((NUnitNamespaceSuite.InvoicesTest, TrxOutcome.Passed), (invoices.Key.FullyQualifiedName, invoices.Outcome));
        var ledgerDatabase = await File.ReadAllTextAsync(Path.Combine(suite.ReportDirectory, "Billing.Tests.Ledger.database"));
        var invoicesDatabase = await File.ReadAllTextAsync(Path.Combine(suite.ReportDirectory, "Billing.Tests.Invoices.database"));
        Assert.NotEqual(ledgerDatabase, invoicesDatabase);
    }
}
