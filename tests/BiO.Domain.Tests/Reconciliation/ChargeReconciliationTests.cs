using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using NodaTime;

namespace BiO.Domain.Tests.Reconciliation;

public class ChargeReconciliationTests
{
    private static readonly ChargeKey Tariff = new("5790000432752", "40000", ChargeType.Tariff);
    private static readonly ChargeKey Subscription = new("5790001089030", "ABO", ChargeType.Subscription);
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

    private static WholesaleResult DataHub(ChargeKey charge, SettlementVersion version, decimal amount, decimal quantity, string gridArea = "344", DateInterval? period = null) =>
        new(charge, gridArea, period ?? March, version, amount, quantity);

    private static InvoicedChargeTotal Ours(ChargeKey charge, decimal amount, decimal quantity, int points, string gridArea = "344", DateInterval? period = null) =>
        new(charge, gridArea, period ?? March, amount, quantity, points);

    [Fact]
    public void The_tolerance_is_half_an_ore_per_invoiced_metering_point()
    {
        Assert.Equal(0m, ChargeReconciliation.ToleranceFor(0));
        Assert.Equal(0.005m, ChargeReconciliation.ToleranceFor(1));
        Assert.Equal(0.5m, ChargeReconciliation.ToleranceFor(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChargeReconciliation.ToleranceFor(-1));
    }

    [Theory]
    [InlineData(100.015, 3, true)]
    [InlineData(100.016, 3, false)]
    [InlineData(99.985, 3, true)]
    [InlineData(99.984, 3, false)]
    [InlineData(100.004, 0, false)]
    public void Amounts_match_within_the_tolerance_of_our_metering_points(double ours, int points, bool matches)
    {
        var line = Assert.Single(ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.WholesaleFixing, 100m, 1234.567m)],
            [Ours(Tariff, (decimal)ours, 1234.567m, points)]));

        Assert.Equal(matches ? ReconciliationStatus.Matches : ReconciliationStatus.Differs, line.Status);
        Assert.Equal((decimal)ours - 100m, line.AmountDifference);
        Assert.Equal(0.005m * points, line.Tolerance);
    }

    [Fact]
    public void Quantities_must_be_equal()
    {
        var line = Assert.Single(ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.WholesaleFixing, 100m, 1234.567m)],
            [Ours(Tariff, 100m, 1234.568m, 10)]));

        Assert.Equal(ReconciliationStatus.Differs, line.Status);
        Assert.Equal(0.001m, line.QuantityDifference);
        Assert.Equal(0m, line.AmountDifference);
    }

    [Fact]
    public void The_latest_settlement_version_counts_whatever_the_order()
    {
        WholesaleResult[] results =
        [
            DataHub(Tariff, SettlementVersion.SecondCorrection, 120m, 12m),
            DataHub(Tariff, SettlementVersion.WholesaleFixing, 100m, 10m),
            DataHub(Tariff, SettlementVersion.ThirdCorrection, 130m, 13m),
            DataHub(Tariff, SettlementVersion.FirstCorrection, 110m, 11m),
        ];

        foreach (var order in new[] { results, results.Reverse().ToArray() })
        {
            var line = Assert.Single(ChargeReconciliation.Compare(order, [Ours(Tariff, 130m, 13m, 1)]));
            Assert.Equal((SettlementVersion?)SettlementVersion.ThirdCorrection, line.Version);
            Assert.Equal(130m, line.DataHubAmount);
            Assert.True(line.Matches);
        }

        var latest = ChargeReconciliation.LatestResults(results.Take(2));
        Assert.Equal(120m, latest[(Tariff, "344", March)].Amount);
    }

    [Fact]
    public void Series_of_the_same_version_and_key_are_added()
    {
        var line = Assert.Single(ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.FirstCorrection, 40.000001m, 4m), DataHub(Tariff, SettlementVersion.FirstCorrection, 60m, 6m), DataHub(Tariff, SettlementVersion.WholesaleFixing, 1m, 1m)],
            [Ours(Tariff, 100m, 10m, 1)]));

        Assert.Equal(100.000001m, line.DataHubAmount);
        Assert.Equal(10m, line.DataHubQuantity);
        Assert.True(line.Matches);
    }

    [Fact]
    public void Keys_on_one_side_only_are_differences_and_come_before_matches()
    {
        var lines = ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.WholesaleFixing, 100m, 10m), DataHub(Subscription, SettlementVersion.WholesaleFixing, 45.5m, 31m)],
            [Ours(Tariff, 100m, 10m, 2), Ours(new ChargeKey("5790000432752", "EA-001", ChargeType.Tariff), 8m, 1000m, 2)]);

        Assert.Equal(
            [ReconciliationStatus.OnlyAtDataHub, ReconciliationStatus.OnlyAtBiO, ReconciliationStatus.Matches],
            lines.Select(l => l.Status));
        var onlyOurs = lines[1];
        Assert.Equal(("EA-001", (decimal?)null, (decimal?)8m, 8m, (SettlementVersion?)null), (onlyOurs.Charge.Code, onlyOurs.DataHubAmount, onlyOurs.OurAmount, onlyOurs.AmountDifference, onlyOurs.Version));
        var onlyDataHub = lines[0];
        Assert.Equal((Subscription, (decimal?)null, -45.5m, -31m, 0), (onlyDataHub.Charge, onlyDataHub.OurAmount, onlyDataHub.AmountDifference, onlyDataHub.QuantityDifference, onlyDataHub.MeteringPoints));
    }

    [Fact]
    public void Our_totals_outside_the_grid_areas_and_periods_of_the_document_are_left_out()
    {
        var lines = ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.WholesaleFixing, 100m, 10m)],
            [Ours(Tariff, 100m, 10m, 1), Ours(Tariff, 50m, 5m, 1, gridArea: "543"), Ours(Tariff, 70m, 7m, 1, period: April), Ours(Subscription, 9m, 31m, 1)]);

        Assert.Equal([(Subscription, ReconciliationStatus.OnlyAtBiO), (Tariff, ReconciliationStatus.Matches)], lines.Select(l => (l.Charge, l.Status)));
    }

    [Fact]
    public void Grid_areas_and_periods_are_kept_apart_and_ordered()
    {
        var lines = ChargeReconciliation.Compare(
            [
                DataHub(Tariff, SettlementVersion.WholesaleFixing, 1m, 1m, gridArea: "543", period: April),
                DataHub(Tariff, SettlementVersion.WholesaleFixing, 2m, 2m, gridArea: "344", period: April),
                DataHub(Tariff, SettlementVersion.FirstCorrection, 3m, 3m, gridArea: "543", period: March),
            ],
            [Ours(Tariff, 1m, 1m, 1, gridArea: "543", period: April), Ours(Tariff, 2m, 2m, 1, gridArea: "344", period: April), Ours(Tariff, 3m, 3m, 1, gridArea: "543", period: March)]);

        Assert.Equal([("543", March, 3m), ("344", April, 2m), ("543", April, 1m)], lines.Select(l => (l.GridArea, l.Period, l.DataHubAmount!.Value)));
        Assert.All(lines, l => Assert.True(l.Matches));
    }

    [Fact]
    public void Our_totals_naming_a_key_twice_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ChargeReconciliation.Compare(
            [DataHub(Tariff, SettlementVersion.WholesaleFixing, 1m, 1m)], [Ours(Tariff, 1m, 1m, 1), Ours(Tariff, 2m, 2m, 1)]));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settlement_versions_have_DataHub_codes()
    {
        Assert.Equal(["D05", "D32 D01", "D32 D02", "D32 D03"], Enum.GetValues<SettlementVersion>().Select(v => v.Code()));
        Assert.Equal(SettlementVersion.SecondCorrection, SettlementVersions.CorrectionFromCode("D02"));
        Assert.Null(SettlementVersions.CorrectionFromCode("D05"));
    }
}
