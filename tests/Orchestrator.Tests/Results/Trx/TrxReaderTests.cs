using System.Text;
using Orchestrator.Model;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Tests.Results.Trx;

[Trait("Category", "Unit")]
public sealed class TrxReaderTests
{
    // Shape written by `dotnet test --logger trx` with xunit 2.9.3 (storage lower-cased by the logger).
    private const string XunitTrx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="b2c01dd4-fc7a-48f6-b191-793196359d8d" name="@vm 2026-11-24 15:30:30" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-24T15:30:30.5697621+00:00" queuing="2026-11-24T15:30:30.5697622+00:00" start="2026-11-24T15:30:27.8940890+00:00" finish="2026-11-24T15:30:30.5756704+00:00" />
          <Results>
            <UnitTestResult executionId="e1" testId="t1" testName="Fx.Sample.Calc.Rows(x: 2)" computerName="vm" duration="00:00:00.0006302" startTime="2026-11-24T15:30:30.4623107+00:00" endTime="2026-11-24T15:30:30.4623834+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Failed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d">
              <Output>
                <StdOut>hello out</StdOut>
                <ErrorInfo>
                  <Message>Assert.True() Failure</Message>
                  <StackTrace>   at Fx.Sample.Calc.Rows(Int32 x) in /tmp/T.cs:line 8</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e2" testId="t2" testName="custom display" computerName="vm" duration="00:00:01.5000000" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="NotExecuted" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Fx.Sample.Calc.Rows(x: 2)" storage="/tmp/fx/bin/release/net10.0/fx.dll" id="t1">
              <Execution id="e1" />
              <TestMethod codeBase="/tmp/fx/bin/Release/net10.0/Fx.dll" adapterTypeName="executor://xunit/VsTestRunner3/netcore/" className="Fx.Sample.Calc" name="Rows" />
            </UnitTest>
            <UnitTest name="custom display" storage="/tmp/fx/bin/release/net10.0/fx.dll" id="t2">
              <Execution id="e2" />
              <TestMethod codeBase="/tmp/fx/bin/Release/net10.0/Fx.dll" adapterTypeName="executor://xunit/VsTestRunner3/netcore/" className="Fx.Sample.Calc" name="Named" />
            </UnitTest>
          </TestDefinitions>
          <ResultSummary outcome="Failed">
            <Counters total="2" executed="1" passed="0" failed="1" />
            <Output><StdOut>run output</StdOut></Output>
            <RunInfos>
              <RunInfo computerName="vm" outcome="Error" timestamp="2026-11-24T15:30:30.4501985+00:00"><Text>Test host process crashed</Text></RunInfo>
            </RunInfos>
          </ResultSummary>
        </TestRun>
        """;

    private static TrxRun ReadText(string text) => TrxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "sample.trx");

    [Fact]
    public void A_test_s_huge_output_is_read_in_chunks_and_kept_up_to_the_limit_with_a_note_where_the_rest_is()
    {
        const long outputBytes = 48L * 1024 * 1024;
        var head = XunitTrx[..(XunitTrx.IndexOf("hello out", StringComparison.Ordinal))];
        var tail = XunitTrx[(XunitTrx.IndexOf("hello out", StringComparison.Ordinal) + "hello out".Length)..];
        using var stream = new OutputStream(Encoding.UTF8.GetBytes(head), outputBytes, Encoding.UTF8.GetBytes(tail));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var run = TrxReader.Read(stream, "huge.trx");

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var output = run.Results[0].StdOut!;
        Assert.StartsWith(new string('o', TrxReader.TextLimit), output, StringComparison.Ordinal);
        Assert.EndsWith($"[{outputBytes - TrxReader.TextLimit:N0} more characters left out here: the unit's TRX file under units/ in the results directory holds all of them]", output, StringComparison.Ordinal);
        Assert.Equal("Assert.True() Failure", run.Results[0].ErrorMessage);
        Assert.True(allocated < outputBytes / 8, $"reading {outputBytes} bytes of output allocated {allocated} bytes");
    }

    [Fact]
    public void Keys_a_result_by_code_base_file_name_and_test_method_class_and_name()
    {
        var run = ReadText(XunitTrx);

        Assert.Equal(new TestKey("Fx", "Fx.Sample.Calc.Rows"), run.Results[0].Key);
        Assert.Equal("Fx.Sample.Calc.Rows(x: 2)", run.Results[0].DisplayName);
        Assert.Equal(new TestKey("Fx", "Fx.Sample.Calc.Named"), run.Results[1].Key);
        Assert.Equal("custom display", run.Results[1].DisplayName);
    }

    [Fact]
    public void Reads_outcome_timing_error_output_and_ids_of_each_result()
    {
        var failed = ReadText(XunitTrx).Results[0];

        Assert.Equal(TrxOutcome.Failed, failed.Outcome);
        Assert.Equal(TimeSpan.FromTicks(6302), failed.Duration);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 30, TimeSpan.Zero).AddTicks(4623107), failed.StartTime);
        Assert.Equal("Assert.True() Failure", failed.ErrorMessage);
        Assert.Contains("Calc.Rows(Int32 x)", failed.StackTrace, StringComparison.Ordinal);
        Assert.Equal("hello out", failed.StdOut);
        Assert.Equal("vm", failed.ComputerName);
        Assert.Equal("e1", failed.ExecutionId);
        Assert.Equal("t1", failed.TestId);
        Assert.Equal("executor://xunit/VsTestRunner3/netcore/", failed.Definition.AdapterTypeName);
    }

    [Fact]
    public void Reads_the_run_times_summary_outcome_output_and_messages()
    {
        var run = ReadText(XunitTrx);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 27, TimeSpan.Zero).AddTicks(8940890), run.Start);
        Assert.Equal("Failed", run.Outcome);
        Assert.Equal("run output", run.RunOutput);
        Assert.Equal(["Test host process crashed"], run.RunMessages);
        Assert.Equal(TrxOutcome.NotExecuted, run.Results[1].Outcome);
        Assert.True(run.Results[1].Outcome.IsSkipped());
        Assert.Null(run.Results[1].StartTime);
    }

    [Fact]
    public void A_result_without_definition_is_keyed_by_its_name_without_parameters()
    {
        var run = ReadText(XunitTrx.Replace("testId=\"t1\"", "testId=\"orphan\"", StringComparison.Ordinal));

        Assert.Equal(new TestKey(string.Empty, "Fx.Sample.Calc.Rows"), run.Results[0].Key);
    }

    [Fact]
    public void A_truncated_file_is_reported_with_its_path()
    {
        var exception = Assert.Throws<TrxFormatException>(() => ReadText(XunitTrx[..(XunitTrx.Length / 2)]));

        Assert.Equal("sample.trx", exception.Path);
        Assert.Contains("sample.trx", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_test_run_is_rejected()
    {
        var exception = Assert.Throws<TrxFormatException>(() => ReadText("<testsuites />"));

        Assert.Contains("<testsuites>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_says_which_file()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".trx");

        var exception = Assert.Throws<FileNotFoundException>(() => TrxReader.Read(path));

        Assert.Equal(path, exception.FileName);
    }

    [Fact]
    public void Nunit_arguments_in_the_method_name_are_left_out_of_the_key_but_kept_in_the_definition()
    {
        // NUnit3TestAdapter 6.3 writes the case arguments into TestMethod/@name.
        var nunit = XunitTrx
            .Replace("className=\"Fx.Sample.Calc\" name=\"Rows\"", "className=\"Fx.Sample.Calc\" name=\"Rows(2)\"", StringComparison.Ordinal);

        var result = ReadText(nunit).Results[0];

        Assert.Equal(new TestKey("Fx", "Fx.Sample.Calc.Rows"), result.Key);
        Assert.Equal("Rows(2)", result.Definition.MethodName);
    }

    [Fact]
    public void Output_of_inner_results_and_of_later_output_elements_is_not_the_results_own()
    {
        // MSTest writes data rows as InnerResults with outputs of their own.
        var trx = XunitTrx.Replace(
            "<Output>\n        <StdOut>hello out</StdOut>",
            "<InnerResults><UnitTestResult executionId=\"i1\" testId=\"t1\" testName=\"row\" outcome=\"Passed\"><Output><StdOut>inner out</StdOut><ErrorInfo><Message>inner message</Message></ErrorInfo></Output></UnitTestResult></InnerResults>\n<Output>\n        <StdOut>hello out</StdOut>",
            StringComparison.Ordinal).Replace(
            "</Output>\n    </UnitTestResult>",
            "</Output><Output><StdOut>second out</StdOut><StdErr>second err</StdErr></Output>\n    </UnitTestResult>",
            StringComparison.Ordinal);
        Assert.Contains("inner out", trx, StringComparison.Ordinal);
        Assert.Contains("second out", trx, StringComparison.Ordinal);

        var run = ReadText(trx);

        Assert.Equal(2, run.Results.Count);
        Assert.Equal("hello out", run.Results[0].StdOut);
        Assert.Null(run.Results[0].StdErr);
        Assert.Equal("Assert.True() Failure", run.Results[0].ErrorMessage);
    }

    [Fact]
    public void Texts_join_cdata_entities_and_nested_elements_and_keep_their_whitespace()
    {
        var trx = XunitTrx
            .Replace("<StdOut>hello out</StdOut>", "<StdOut><![CDATA[<raw> & ]]>a &amp; b&#x9;<b>bold</b><?pi skipped?>  </StdOut><StdOut>second</StdOut>", StringComparison.Ordinal)
            .Replace("<Message>Assert.True() Failure</Message>", "<Message>   </Message>", StringComparison.Ordinal);
        Assert.Contains("CDATA", trx, StringComparison.Ordinal);

        var failed = ReadText(trx).Results[0];

        Assert.Equal("<raw> & a & b\tbold  ", failed.StdOut);
        Assert.Equal("   ", failed.ErrorMessage);
    }

    [Fact]
    public void Elements_of_another_namespace_are_not_read_as_output()
    {
        var trx = XunitTrx.Replace(
            "<StdOut>hello out</StdOut>",
            "<x:StdOut xmlns:x=\"urn:other\">foreign</x:StdOut><StdOut>hello out</StdOut>",
            StringComparison.Ordinal);

        Assert.Equal("hello out", ReadText(trx).Results[0].StdOut);
    }

    [Fact]
    public void Empty_output_elements_read_as_absent()
    {
        var trx = XunitTrx.Replace("<StdOut>hello out</StdOut>", "<StdOut />", StringComparison.Ordinal)
            .Replace("<Message>Assert.True() Failure</Message>", "<Message></Message>", StringComparison.Ordinal);

        var failed = ReadText(trx).Results[0];

        Assert.Null(failed.StdOut);
        Assert.Null(failed.ErrorMessage);
        Assert.NotNull(failed.StackTrace);
    }

    [Fact]
    public void Times_other_than_round_trip_ones_are_read_too()
    {
        var trx = XunitTrx
            .Replace("startTime=\"2026-11-24T15:30:30.4623107+00:00\"", "startTime=\"2026-11-24T15:30:30Z\"", StringComparison.Ordinal)
            .Replace("endTime=\"2026-11-24T15:30:30.4623834+00:00\"", "endTime=\"2026-11-24T16:30:30.5+01:00\"", StringComparison.Ordinal);

        var failed = ReadText(trx).Results[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 30, TimeSpan.Zero), failed.StartTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 30, 30, 500, TimeSpan.FromHours(1)), failed.EndTime);
        Assert.Equal(TimeSpan.FromHours(1), failed.EndTime!.Value.Offset);
    }

    /// <summary>A TRX whose first result's standard output is <c>outputBytes</c> of 'o', made up as it is read.</summary>
    private sealed class OutputStream(byte[] head, long outputBytes, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => head.Length + outputBytes + tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written] = _position < head.Length ? head[_position]
                    : _position < head.Length + outputBytes ? (byte)'o'
                    : tail[_position - head.Length - outputBytes];
                written++;
                _position++;
            }
            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
