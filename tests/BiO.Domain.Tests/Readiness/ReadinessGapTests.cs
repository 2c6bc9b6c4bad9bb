using BiO.Domain.Rating;
using BiO.Domain.Readiness;
using NodaTime;
using static BiO.Domain.Tests.Readiness.ReadinessFixture;

namespace BiO.Domain.Tests.Readiness;

/// <summary>One test per kind of gap, with the exact text an operator reads.</summary>
public class ReadinessGapTests
{
    private static readonly YearMonth March = new(2026, 3);

    [Fact]
    public void A_complete_month_is_ready_with_the_whole_period_as_settle_window()
    {
        var fixture = new ReadinessFixture(March) { WithSubscription = true };
        var report = fixture.Assess();
        Assert.True(report.IsReady, string.Join("\n", report.Texts));
        Assert.Empty(report.Gaps);
        Assert.Equal([Utc(2026, 2, 28, 23, 0, 3, 31, 22, 0)], report.SettleWindows);
        Assert.Empty(ReadinessCheck.MissingMeterData(report));
        var settlement = Assert.Single(report.Settlements);
        Assert.True(settlement.IsReady);
        Assert.Equal(3, settlement.Elements.Count);
    }

    [Fact]
    public void A_missing_hour_is_one_meter_data_gap_in_local_time_said_once_for_every_element()
    {
        var hour = Utc(2026, 3, 14, 16, 0, 14, 17, 0);
        var report = new ReadinessFixture(March) { NoQuantity = [hour] }.Assess();
        Assert.False(report.IsReady);
        var gap = Assert.Single(report.Gaps);
        Assert.Equal(GapKind.MeterData, gap.Kind);
        Assert.Equal("571313000000002000 2026-03-14 17:00-18:00: no quantity", gap.Text);
        Assert.Equal(hour, gap.Interval);
        Assert.Equal(2, gap.ElementIds.Count);
        Assert.Contains("spot-DK1", gap.ElementIds);
        Assert.Equal([hour], ReadinessCheck.MissingMeterData(report));
    }

    [Fact]
    public void A_whole_missing_day_is_said_as_the_day()
    {
        var day = Utc(2026, 3, 13, 23, 0, 14, 23, 0);
        var report = new ReadinessFixture(March) { NotSent = [day] }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal("571313000000002000 2026-03-14: no quantity", gap.Text);
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 14), new LocalDate(2026, 3, 14)), gap.Days);
    }

    [Fact]
    public void No_master_data_before_its_first_version()
    {
        var report = new ReadinessFixture(March) { MasterDataFrom = Instant.FromUtc(2026, 3, 1, 23, 0) }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((GapKind.NoMasterData, "571313000000002000: no master data on 2026-03-01"), (gap.Kind, gap.Text));
        Assert.Equal(Utc(2026, 2, 28, 23, 0, 3, 1, 23, 0), gap.Interval);
    }

    [Fact]
    public void No_master_data_at_all_is_said_for_the_supplied_days()
    {
        var report = new ReadinessFixture(March) { MasterDataFrom = null }.Assess();
        Assert.Equal(["571313000000002000: no master data on 2026-03-01..2026-03-31"], report.Texts);
    }

    [Fact]
    public void A_contract_ending_inside_the_period_leaves_the_rest_uncontracted_and_unrated()
    {
        var contracted = Utc(2026, 2, 28, 23, 0, 3, 9, 23, 0); // 1-9 March local
        var report = new ReadinessFixture(March)
        {
            Contract = new ContractedPeriods([contracted], hasPayer: true),
            NoQuantity = [Utc(2026, 3, 20, 10, 0, 20, 11, 0)], // after the contract: not asked for
        }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((GapKind.NoContract, "571313000000002000: no contract 2026-03-10..2026-03-31"), (gap.Kind, gap.Text));
        Assert.Equal([contracted], report.SettleWindows);
        Assert.Empty(ReadinessCheck.MissingMeterData(report));
    }

    [Fact]
    public void No_payer()
    {
        var fixture = new ReadinessFixture(March);
        var report = (fixture with { Contract = new ContractedPeriods([fixture.Period.Utc], hasPayer: false) }).Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((GapKind.NoPayer, "571313000000002000: no payer"), (gap.Kind, gap.Text));
        Assert.Single(report.SettleWindows);
    }

    [Fact]
    public void A_tariff_without_prices_for_a_day_is_said_by_charge_code_and_owner()
    {
        var input = new ReadinessFixture(March) { TariffUnpriced = [Utc(2026, 3, 1, 23, 0, 2, 23, 0)] }.Input();
        var gap = Assert.Single(ReadinessCheck.Assess(input).Gaps);
        Assert.Equal((GapKind.Price, "tariff 40000 (5790000432752): no price on 2026-03-02"), (gap.Kind, gap.Text));
        Assert.Equal([input.Elements.OfType<ChargeElement>().Single().ElementId], gap.ElementIds);
        Assert.Equal(Utc(2026, 3, 1, 23, 0, 2, 23, 0), gap.Interval);
    }

    [Fact]
    public void Missing_tariff_prices_on_consecutive_days_are_one_day_range()
    {
        // Two hours on 2 March, all of 3 March, one hour on 4 March.
        var report = new ReadinessFixture(March)
        {
            TariffUnpriced = [Utc(2026, 3, 2, 5, 0, 2, 7, 0), Utc(2026, 3, 2, 23, 0, 3, 23, 0), Utc(2026, 3, 4, 12, 0, 4, 13, 0)],
        }.Assess();
        Assert.Equal(["tariff 40000 (5790000432752): no price on 2026-03-02..2026-03-04"], report.Texts);
    }

    [Fact]
    public void Missing_spot_prices_are_said_by_area()
    {
        var report = new ReadinessFixture(March) { SpotUnpriced = [Utc(2026, 3, 5, 8, 0, 5, 8, 15)] }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((GapKind.SpotPrice, "spot DK1: no price on 2026-03-05"), (gap.Kind, gap.Text));
        Assert.Equal(Utc(2026, 3, 5, 8, 0, 5, 8, 15), gap.Interval);
    }

    [Fact]
    public void A_subscription_without_a_known_price_is_a_price_gap_over_its_days()
    {
        var report = new ReadinessFixture(March)
        {
            WithSubscription = true,
            SubscriptionUnpricedBefore = [Utc(2026, 2, 28, 23, 0, 3, 2, 23, 0)],
        }.Assess();
        Assert.Equal(["subscription 45013 (5790000432752): no price on 2026-03-01..2026-03-02"], report.Texts);
    }

    [Fact]
    public void Hourly_meter_data_against_quarter_hour_spot_is_ready_priced_at_the_hours_mean()
    {
        var report = new ReadinessFixture(March) { DataResolution = BiO.Domain.Time.Resolution.Hour }.Assess();
        Assert.True(report.IsReady, string.Join("; ", report.Texts));
    }

    [Fact]
    public void A_period_we_do_not_supply_is_not_ready_and_has_no_settle_window()
    {
        var report = new ReadinessFixture(March) { Supplied = [new Interval(Instant.FromUtc(2026, 3, 31, 22, 0), null)] }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((GapKind.NotSupplied, "571313000000002000: not supplied 2026-03-01..2026-03-31"), (gap.Kind, gap.Text));
        Assert.False(report.IsReady);
        Assert.Empty(report.SettleWindows);
        Assert.Empty(report.Settlements);
    }

    [Fact]
    public void Gaps_come_in_order_point_first_then_meter_data_then_prices()
    {
        var fixture = new ReadinessFixture(March)
        {
            MasterDataFrom = Instant.FromUtc(2026, 3, 1, 23, 0),
            NoQuantity = [Utc(2026, 3, 14, 16, 0, 14, 17, 0)],
            TariffUnpriced = [Utc(2026, 3, 1, 23, 0, 2, 23, 0)],
            SpotUnpriced = [Utc(2026, 3, 4, 23, 0, 5, 23, 0)],
        };
        var report = (fixture with { Contract = new ContractedPeriods([fixture.Period.Utc], hasPayer: false) }).Assess();
        Assert.Equal(
            [
                "571313000000002000: no master data on 2026-03-01",
                "571313000000002000: no payer",
                "571313000000002000 2026-03-14 17:00-18:00: no quantity",
                "tariff 40000 (5790000432752): no price on 2026-03-02",
                "spot DK1: no price on 2026-03-05",
            ],
            report.Texts);
    }
}
