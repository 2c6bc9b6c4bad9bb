using System.Text;
using BenchmarkDotNet.Attributes;
using BiO.Domain.Time;
using BiO.Market.Cim.Json;
using BiO.Market.Measurements;
using BiO.Testing;
using NodaTime;

namespace BiO.Bench.Kernels;

/// <summary>
/// The market adapter's reading of one RSM-012 document, the intake benchmark's: one metering point-day of 96
/// quarter-hours as CIM JSON (about 5 KB), read, and read and validated.
/// </summary>
[MemoryDiagnoser]
public class MeterDataReadingBenchmarks
{
    private byte[] document = [];

    [GlobalSetup]
    public void Setup()
    {
        var day = BillingTime.Day(new LocalDate(2026, 3, 2));
        var quantities = Enumerable.Range(0, 96).Select(i => (decimal?)(0.125m + i * 0.001m)).ToList();
        document = Encoding.UTF8.GetBytes(Rsm012.Json("doc-1", new Rsm012.Series("s-1", "571313000100000001", day.Start, day.End, quantities)));
    }

    /// <summary>The floor: every token of the document visited by <see cref="System.Text.Json.Utf8JsonReader"/>, nothing read.</summary>
    [Benchmark(Baseline = true)]
    public int Tokens()
    {
        var reader = new System.Text.Json.Utf8JsonReader(document);
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public int Read() => ValidatedMeasureDataJsonReader.Read(document).Series.Count;

    [Benchmark]
    public int ReadAndValidate()
    {
        var read = ValidatedMeasureDataJsonReader.Read(document);
        return MeasureDataValidator.Validate(read).Count == 0 ? read.Series.Count : throw new InvalidOperationException("the benchmark's document is not valid");
    }
}
