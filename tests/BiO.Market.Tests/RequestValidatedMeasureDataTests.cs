using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class RequestValidatedMeasureDataTests
{
    internal static readonly Gln Supplier = Gln.Parse("5799999933318");
    internal static readonly Gsrn Point = Gsrn.Parse("571313000000002000");
    internal static readonly Instant Now = Instant.FromUtc(2025, 3, 10, 9, 15, 30);

    internal static RequestValidatedMeasureData Sample() => RequestValidatedMeasureData.Create("BIO-REQ-1", Supplier,
    [
        new MeasureDataRequestSeries("T-SUMMER", Point, BillingTime.Month(new YearMonth(2024, 7))),
        new MeasureDataRequestSeries("T-WINTER", Point, BillingTime.Of(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)))),
    ], Now);

    private static ArgumentException Refused(Interval period) =>
        Assert.ThrowsAny<ArgumentException>(() => RequestValidatedMeasureData.Create("BIO-REQ-2", Supplier,
            [new MeasureDataRequestSeries("T-1", Point, period)], Now));

    [Fact]
    public void A_request_from_the_supplier_to_datahub_with_periods_at_local_midnight()
    {
        var request = Sample();

        Assert.Equal(new MarketDocumentHeader("BIO-REQ-1", "E73", ProcessType.PeriodicMetering, "23",
            new MarketParticipant(Supplier, "DDQ"), new MarketParticipant(Gln.DataHub, "DGL"), Instant.FromUtc(2025, 3, 10, 9, 15, 30)), request.Header);
        Assert.Equal(Instant.FromUtc(2024, 6, 30, 22, 0), request.Series[0].Period.Start); // summer: 22:00Z
        Assert.Equal(Instant.FromUtc(2024, 12, 31, 23, 0), request.Series[1].Period.Start); // winter: 23:00Z
    }

    [Fact]
    public void Json_writes_and_reads_back_to_an_equal_request()
    {
        var request = Sample();
        var json = RequestValidatedMeasureDataJsonWriter.ToJson(request);

        Assert.Contains("\"start_DateAndOrTime.dateTime\": \"2024-06-30T22:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Equal(request, RequestDocumentsJsonReader.ReadRequest(json));
    }

    [Fact]
    public void Xml_writes_and_reads_back_to_an_equal_request()
    {
        var request = Sample();
        var xml = RequestValidatedMeasureDataXmlWriter.ToXml(request);

        Assert.Contains("<cim:end_DateAndOrTime.dateTime>2025-01-31T23:00:00Z</cim:end_DateAndOrTime.dateTime>", xml, StringComparison.Ordinal);
        Assert.Equal(request, RequestDocumentsXmlReader.ReadRequest(xml));
    }

    [Fact]
    public void A_start_that_is_not_local_midnight_is_refused()
    {
        var error = Refused(new Interval(Instant.FromUtc(2024, 7, 1, 0, 0), Instant.FromUtc(2024, 7, 31, 22, 0)));

        Assert.Equal("Series T-1 (571313000000002000): the start 2024-07-01T00:00Z is 2024-07-01 02:00 in Europe/Copenhagen, not local midnight " +
                     "(midnight of 2024-07-01 is 2024-06-30T22:00Z). (Parameter 'start')", error.Message);
    }

    [Fact]
    public void Utc_midnight_in_winter_is_not_local_midnight()
    {
        var error = Refused(new Interval(Instant.FromUtc(2024, 12, 31, 23, 0), Instant.FromUtc(2025, 1, 2, 0, 0)));

        Assert.StartsWith("Series T-1 (571313000000002000): the end 2025-01-02T00:00Z is 2025-01-02 01:00 in Europe/Copenhagen, not local midnight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_three_years_back_from_the_local_day_of_now()
    {
        var earliest = BillingTime.Day(new LocalDate(2022, 3, 10));
        var accepted = RequestValidatedMeasureData.Create("BIO-REQ-3", Supplier, [new MeasureDataRequestSeries("T-1", Point, earliest)], Now);
        Assert.Equal(earliest, accepted.Series[0].Period);

        var error = Refused(BillingTime.Day(new LocalDate(2022, 3, 9)));
        Assert.Equal("Series T-1 (571313000000002000): the period starts on 2022-03-09, more than 3 years back (the earliest day is 2022-03-10). (Parameter 'item')", error.Message);
    }

    [Fact]
    public void Empty_and_future_periods_are_refused()
    {
        var day = BillingTime.Day(new LocalDate(2025, 3, 1));
        Assert.Contains("is empty", Refused(new Interval(day.Start, day.Start)).Message, StringComparison.Ordinal);

        Assert.Contains("after today (2025-03-10)", Refused(BillingTime.Day(new LocalDate(2025, 3, 11))).Message, StringComparison.Ordinal);
        Assert.Equal(BillingTime.Day(new LocalDate(2025, 3, 10)),
            RequestValidatedMeasureData.Create("BIO-REQ-4", Supplier, [new MeasureDataRequestSeries("T-1", Point, BillingTime.Day(new LocalDate(2025, 3, 10)))], Now).Series[0].Period);
    }

    [Fact]
    public void A_request_without_series_is_refused() =>
        Assert.Throws<ArgumentException>(() => RequestValidatedMeasureData.Create("BIO-REQ-5", Supplier, [], Now));
}
