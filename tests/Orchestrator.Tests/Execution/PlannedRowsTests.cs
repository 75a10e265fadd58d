using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Results.Trx;
using Orchestrator.Tests.Reporting;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class PlannedRowsTests
{
    [Theory]
    [InlineData("🎉", "\\ud83c\\udf89")]
    [InlineData("𝔘", "\\ud835\\udd18")]
    public void A_trx_result_gets_the_exact_names_discovery_gave_its_case_where_the_trx_escaped_them(string text, string escaped)
    {
        var planned = Sample.Key($"Party.Celebrates(\"{text}\")");
        var row = new TestCaseRow(planned, "4595AE8C-6308-0564-46E0-D31A6824CFB0", $"Celebrates(\"{text}\")");
        var read = Sample.Result(Sample.Key($"Party.Celebrates(\"{escaped}\")"), TrxOutcome.Passed, displayName: $"Celebrates(\"{escaped}\")", testId: row.Id.ToLowerInvariant());

        var named = new PlannedRows([row]).Named(read);

        Assert.Equal(($"Celebrates(\"{text}\")", $"Celebrates(\"{text}\")", $"Celebrates(\"{text}\")"), (named.DisplayName, named.Definition.MethodName, named.Definition.Name));
    }

    [Fact]
    public void A_name_that_is_not_the_escaping_of_its_cases_name_is_kept_as_written()
    {
        var planned = Sample.Key("Party.Celebrates(\"café 日本\")");
        var row = new TestCaseRow(planned, "50f3fa69-8d8f-547d-68f8-c213baeca4cb", "Celebrates(\"café 日本\")");
        var read = Sample.Result(Sample.Key("Party.Celebrates(\"\\ud83c\\udf89\")"), TrxOutcome.Passed, displayName: "Celebrates(\"\\ud83c\\udf89\")", testId: row.Id);

        Assert.Same(read, new PlannedRows([row]).Named(read));
    }

    [Fact]
    public void The_trx_escaping_is_the_vstest_loggers_for_surrogates_and_control_characters_only()
    {
        Assert.Equal("a\\ud83c\\udf89 é 日本\t\\u0001", TrxEscaping.Escape("a🎉 é 日本\t\u0001"));
    }
}
