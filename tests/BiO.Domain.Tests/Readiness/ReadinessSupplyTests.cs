using BiO.Domain.Readiness;
using NodaTime;
using static BiO.Domain.Tests.Readiness.ReadinessFixture;

namespace BiO.Domain.Tests.Readiness;

/// <summary>Outside our supply nothing is required and nothing is billed.</summary>
public class ReadinessSupplyTests
{
    private static readonly YearMonth March = new(2026, 3);

    [Fact]
    public void Meter_data_and_prices_missing_before_our_supply_starts_are_not_gaps()
    {
        var supplyStart = Instant.FromUtc(2026, 3, 15, 23, 0); // 16 March local
        var report = new ReadinessFixture(March)
        {
            Supplied = [new Interval(supplyStart, null)],
            MasterDataFrom = supplyStart,
            NotSent = [Utc(2026, 2, 28, 23, 0, 3, 15, 23, 0)],
            TariffUnpriced = [Utc(2026, 3, 1, 23, 0, 2, 23, 0)],
        }.Assess();
        Assert.True(report.IsReady, string.Join("\n", report.Texts));
        Assert.Equal([new Interval(supplyStart, Instant.FromUtc(2026, 3, 31, 22, 0))], report.SettleWindows);
        Assert.Empty(ReadinessCheck.MissingMeterData(report));
    }

    [Fact]
    public void A_supply_break_leaves_two_settle_windows_and_its_gaps_are_ignored()
    {
        var first = Utc(2026, 2, 28, 23, 0, 3, 9, 23, 0);
        var second = new Interval(Instant.FromUtc(2026, 3, 19, 23, 0), null);
        var report = new ReadinessFixture(March)
        {
            Supplied = [first, second],
            NoQuantity = [Utc(2026, 3, 12, 0, 0, 14, 0, 0), Utc(2026, 3, 25, 9, 0, 25, 9, 15)],
            SpotUnpriced = [Utc(2026, 3, 15, 0, 0, 15, 1, 0)],
        }.Assess();
        Assert.Equal([first, Utc(2026, 3, 19, 23, 0, 31, 22, 0)], report.SettleWindows);
        Assert.Equal(2, report.Settlements.Count);
        Assert.Equal(["571313000000002000 2026-03-25 10:00-10:15: no quantity"], report.Texts);
    }

    [Fact]
    public void Contract_coverage_is_needed_only_where_we_supply()
    {
        var supply = Utc(2026, 3, 9, 23, 0, 19, 23, 0); // 10-19 March local
        var report = new ReadinessFixture(March)
        {
            Supplied = [supply],
            Contract = new ContractedPeriods([new Interval(Instant.FromUtc(2026, 3, 14, 23, 0), null)], hasPayer: true),
        }.Assess();
        Assert.Equal(["571313000000002000: no contract 2026-03-10..2026-03-14"], report.Texts);
        Assert.Equal([Utc(2026, 3, 14, 23, 0, 19, 23, 0)], report.SettleWindows);
    }

    [Fact]
    public void Overlapping_and_adjacent_contracts_make_one_settle_window()
    {
        var report = new ReadinessFixture(March)
        {
            Contract = new ContractedPeriods(
                [Utc(2026, 3, 9, 23, 0, 20, 23, 0), new Interval(null, Instant.FromUtc(2026, 3, 10, 0, 0)), new Interval(Instant.FromUtc(2026, 3, 20, 23, 0), null)],
                hasPayer: true),
        }.Assess();
        Assert.True(report.IsReady, string.Join("\n", report.Texts));
        Assert.Equal([Utc(2026, 2, 28, 23, 0, 3, 31, 22, 0)], report.SettleWindows);
    }

    [Fact]
    public void Meter_data_of_another_point_or_period_is_refused()
    {
        var march = new ReadinessFixture(March).Input();
        var april = new ReadinessFixture(new YearMonth(2026, 4)).Input();
        Assert.Throws<ArgumentException>(() => new ReadinessInput(march.Gsrn, march.Period, march.Supply, march.MasterData, march.Contract, april.Usage, march.Elements));
    }
}
