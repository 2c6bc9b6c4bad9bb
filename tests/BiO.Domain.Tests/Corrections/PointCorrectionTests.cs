using BiO.Domain.Billing;
using BiO.Domain.Corrections;

namespace BiO.Domain.Tests.Corrections;

public class PointCorrectionTests
{
    [Fact]
    public void Unchanged_data_gives_no_line()
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();

        scenario.Receive(new Arrival(IsMeterData: true, Day: 5, Value: 0.25m)); // the same quantities again, newer version

        var correction = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger);
        Assert.Equal(PartState.Ready, correction.State);
        Assert.Empty(correction.Lines);
    }

    [Fact]
    public void New_meter_data_for_a_day_corrects_the_quantity_elements_and_names_the_period_and_why()
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();

        scenario.Receive(new Arrival(IsMeterData: true, Day: 10, Value: 0.5m)); // 96 quarter-hours: +24 kWh

        var lines = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger).Lines
            .ToDictionary(l => l.Description.Split(": ")[1]);
        Assert.Equal(["FLEX markup", "Nettarif", "Spot DK1"], lines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((24m, 12m), (lines["Nettarif"].Quantity.Value, lines["Nettarif"].Amount.Amount)); // 24 kWh x 0.5
        Assert.Equal(24m, lines["Spot DK1"].Amount.Amount);
        Assert.Equal(2.4m, lines["FLEX markup"].Amount.Amount);
        Assert.All(lines.Values, l =>
        {
            Assert.Equal(CorrectionScenario.March.Dates, l.Corrects);
            Assert.StartsWith("Correction 2026-03-01..2026-03-31: ", l.Description, StringComparison.Ordinal);
            Assert.Equal($"new meter data received {scenario.KnownAt}", l.Reason);
        });
    }

    [Fact]
    public void A_correction_of_a_correction_adjusts_only_what_remains()
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();
        scenario.Receive(new Arrival(IsMeterData: true, Day: 10, Value: 0.5m)); // +24 kWh
        ledger.AddRange(CorrectionScenario.Invoice(PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger).Lines));

        scenario.Receive(new Arrival(IsMeterData: true, Day: 10, Value: 0.375m)); // the same day again: 12 kWh less than the last

        var tariff = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger).Lines
            .Single(l => l.Description.EndsWith("Nettarif", StringComparison.Ordinal));
        Assert.Equal((-12m, -6m), (tariff.Quantity.Value, tariff.Amount.Amount));
    }

    [Fact]
    public void A_changed_tariff_price_corrects_only_the_tariff_and_says_so()
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();

        scenario.Receive(new Arrival(IsMeterData: false, Day: 3, Value: 0.75m)); // 24 kWh that day at +0.25

        var line = Assert.Single(PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger).Lines);
        Assert.EndsWith("Nettarif", line.Description, StringComparison.Ordinal);
        Assert.Equal((0m, 6m), (line.Quantity.Value, line.Amount.Amount));
        Assert.Equal($"changed prices received {scenario.KnownAt}", line.Reason);
    }

    [Fact]
    public void A_period_never_invoiced_is_not_corrected_and_incomplete_new_data_waits_with_its_reasons()
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();
        Assert.Equal(PartState.NotDue, PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), []).State);

        var everything = ledger.Select(e => e with { Amount = e.Amount + new BiO.Domain.Money.Money(1m) }).ToList();
        var credit = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), everything);
        Assert.All(credit.Lines, l => Assert.Equal(-1m, l.Amount.Amount)); // over-invoiced by 1 per element: credited back
        Assert.Equal(ledger.Count, credit.Lines.Count);

        scenario.ReceiveMissingDay(7);
        var waiting = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger);
        Assert.Equal(PartState.Waiting, waiting.State);
        Assert.Empty(waiting.Lines);
        Assert.Contains("571313000000002000 2026-03-07: no quantity", waiting.Reasons);
    }
}
