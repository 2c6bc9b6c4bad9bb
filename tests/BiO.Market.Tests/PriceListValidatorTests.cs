using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Charges;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class PriceListValidatorTests
{
    private const string Charge0 = "MktActivityRecord[0].ChargeGroup.ChargeType[0]";
    private const string Charge1 = "MktActivityRecord[1].ChargeGroup.ChargeType[0]";

    private static NotifyPriceList Prices => PriceListReaderTests.ReadJson("d08-prices");

    private static NotifyPriceList Information => PriceListReaderTests.ReadXml("d18-information");

    private static NotifyPriceList WithCharge(NotifyPriceList document, int record, Func<ChargeInformation, ChargeInformation> change)
    {
        var records = document.Records.ToArray();
        records[record] = records[record] with { Charges = ValueList.Of(change(records[record].Charges[0])) };
        return document with { Records = ValueList.Of(records) };
    }

    private static ChargeInformation WithSeries(ChargeInformation charge, Func<PriceSeries, PriceSeries> change) =>
        charge with { PriceSeries = ValueList.Of(change(charge.PriceSeries[0])) };

    private static IEnumerable<(string, string)> Problems(NotifyPriceList document) =>
        PriceListValidator.Validate(document).Select(p => (p.Place, p.Message));

    [Fact]
    public void Complete_prices_have_no_problem()
    {
        Assert.Empty(PriceListValidator.Validate(Prices));
    }

    [Fact]
    public void A_legacy_charge_code_longer_than_10_characters_is_read_and_reported()
    {
        var problem = Assert.Single(PriceListValidator.Validate(Information));

        Assert.Equal(new DocumentProblem("BIO-D12-INFO-1", "REC-INFO-2", Charge1 + ".mRID",
            "Charge code 'EA-001-LEGACY' has 13 characters; at most 10 are allowed (VR.441)."), problem);
    }

    [Fact]
    public void Charge_information_needs_its_master_data_and_consistent_codes()
    {
        var document = WithCharge(Information, 0, c => c with
        {
            Name = null, Description = null, VatClassification = null, TransparentInvoicing = null, TaxIndicator = null,
            Resolution = null,
        });
        var fee = WithCharge(Information, 1, c => c with { Type = ChargeType.Fee, Code = "FEE1", Name = new string('n', 133) });

        Assert.Equal(
        [
            (Charge0, "'name' is required in charge information (D18) (VR.910)."),
            (Charge0, "'description' is required in charge information (D18) (VR.911)."),
            (Charge0, "'priceTimeFrame_Period.resolution' is required in charge information (D18) (VR.912)."),
            (Charge0, "'VATPayer' is required in charge information (D18) (VR.488)."),
            (Charge0, "'transparentInvoicing' is required in charge information (D18) (VR.915)."),
            (Charge0, "'taxIndicator' is required in charge information (D18) (VR.916)."),
        ], Problems(document).Where(p => p.Item1 == Charge0));
        Assert.Equal(
        [
            (Charge1 + ".name", "The name has 133 characters; at most 132 are allowed (VR.446)."),
            (Charge1 + ".priceTimeFrame_Period.resolution", "A fee (D02) has resolution P1M, not PT1H (VR.505)."),
            (Charge1 + ".transparentInvoicing", "A fee (D02) is never invoiced transparently (VR.904)."),
            (Charge1 + ".taxIndicator", "Only a tariff can be a tax; a fee has tax indicator false (VR.920, VR.921)."),
        ], Problems(fee));
    }

    [Fact]
    public void Dates_are_at_local_midnight_and_a_termination_follows_the_effective_date()
    {
        var document = WithCharge(Information, 1, c => c with
        {
            Code = "EA-001",
            EffectiveDate = Instant.FromUtc(2025, 1, 1, 0, 0),
            TerminationDate = Instant.FromUtc(2024, 6, 30, 22, 0),
        });

        Assert.Equal(
        [
            (Charge1 + ".effectiveDate", "The effective date 2025-01-01T00:00Z is not at local midnight (Europe/Copenhagen)."),
            (Charge1 + ".terminationDate", "The termination date 2024-06-30T22:00Z is before the effective date 2025-01-01T00:00Z."),
        ], Problems(document));
    }

    [Fact]
    public void A_tariff_has_a_price_for_every_hour_of_its_period()
    {
        var document = WithCharge(Prices, 0, c => WithSeries(c, s => s with
        {
            Prices = ValueList.Of(s.Prices.Where(p => p.Position is not (7 or 8 or 9 or 24)).Append(new ChargePrice(3, 1m)).Append(new ChargePrice(25, 1m)).ToArray()),
        }));

        Assert.Equal(
        [
            (Charge0 + ".Series_Period[0].Point[20]", "Position 3 appears again (first at Point[2])."),
            (Charge0 + ".Series_Period[0].Point[21]", "Position 25 is outside 1..24."),
            (Charge0 + ".Series_Period[0]", "Prices 7..9 of 24 are absent. A tariff has a price for every PT1H of its period (VR.507, VR.909)."),
            (Charge0 + ".Series_Period[0]", "Price 24 of 24 is absent. A tariff has a price for every PT1H of its period (VR.507, VR.909)."),
        ], Problems(document));
    }

    [Fact]
    public void A_quarter_hour_tariff_on_the_autumn_dst_day_needs_100_prices()
    {
        var day = new Interval(Instant.FromUtc(2025, 10, 25, 22, 0), Instant.FromUtc(2025, 10, 26, 23, 0));
        var document = WithCharge(Prices, 0, c => WithSeries(c, s => new PriceSeries(Resolution.QuarterHour, day,
            ValueList.Of(Enumerable.Range(1, 96).Select(p => new ChargePrice(p, 0.1m)).ToArray()))));

        Assert.Equal(
        [
            (Charge0 + ".Series_Period[0]", "Prices 97..100 of 100 are absent. A tariff has a price for every PT15M of its period (VR.507, VR.909)."),
        ], Problems(document));
    }

    [Fact]
    public void Series_resolution_interval_and_price_limits()
    {
        var wrongResolution = WithCharge(Prices, 1, c => WithSeries(c, s => s with { Resolution = Resolution.Day }));
        var offMidnight = WithCharge(Prices, 0, c => WithSeries(c, s => s with
        {
            TimeInterval = new Interval(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2025, 1, 2, 0, 0)),
        }));
        var midMonth = WithCharge(Prices, 1, c => WithSeries(c, s => s with
        {
            TimeInterval = new Interval(Instant.FromUtc(2024, 12, 31, 23, 0), Instant.FromUtc(2025, 2, 14, 23, 0)),
            Prices = ValueList.Of(new ChargePrice(1, 1_000_000m), new ChargePrice(2, 1m)),
        }));
        var noSeries = WithCharge(Prices, 1, c => c with { PriceSeries = ValueList<PriceSeries>.Empty });
        var empty = WithCharge(Prices, 1, c => WithSeries(c, s => s with { TimeInterval = new Interval(s.TimeInterval.Start, s.TimeInterval.Start) }));

        Assert.Equal([(Charge1 + ".Series_Period[0].resolution", "A subscription (D01) has resolution P1M, not P1D (VR.505).")], Problems(wrongResolution));
        Assert.Equal([(Charge0 + ".Series_Period[0].timeInterval",
            "The interval 2025-01-01T00:00Z..2025-01-02T00:00Z does not start at local midnight (Europe/Copenhagen) (VR.919).")], Problems(offMidnight));
        Assert.Equal(
        [
            (Charge1 + ".Series_Period[0].timeInterval", "The interval 2024-12-31T23:00Z..2025-02-14T23:00Z does not end at local midnight on the first of a month (Europe/Copenhagen) (VR.919, VR.923)."),
            (Charge1 + ".Series_Period[0].Point[0]", "Price 1000000 is not below 1,000,000 (VR.509)."),
        ], Problems(midMonth));
        Assert.Equal([(Charge1, "A prices document (D08) carries at least one Series_Period (VR.926).")], Problems(noSeries));
        Assert.Equal([(Charge1 + ".Series_Period[0].timeInterval", "The interval 2024-12-31T23:00Z..2024-12-31T23:00Z is empty.")], Problems(empty));
    }

    [Fact]
    public void A_series_has_the_resolution_of_its_charge()
    {
        var document = WithCharge(Prices, 0, c => c with { Resolution = Resolution.QuarterHour });

        Assert.Equal([(Charge0 + ".Series_Period[0].resolution", "The series has resolution PT1H, the charge PT15M (VR.925).")], Problems(document));
    }
}
