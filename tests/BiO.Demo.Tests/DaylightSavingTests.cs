using BiO.Domain.Time;
using BiO.Market.Cim.Xml;
using BiO.Market.Spot;
using NodaTime;

namespace BiO.Demo.Tests;

public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData(3, 29, 92, 23)]
    [InlineData(10, 25, 100, 25)]
    [InlineData(6, 15, 96, 24)]
    public void Series_of_the_clock_change_day_have_92_or_100_quarter_hours(int monthNumber, int dayNumber, int quarters, int hours)
    {
        var options = Documents.Small with { Month = new YearMonth(2026, monthNumber), MeteringPoints = 20, MissingShare = 0, MidMonthStartShare = 0 };
        var month = new DemoMonth(options);
        var day = BillingTime.Day(new LocalDate(2026, monthNumber, dayNumber));

        var series = Documents.DeliveredSeries(month).Values.Where(s => s.Period.TimeInterval == day).ToList();
        Assert.Equal(options.MeteringPoints, series.Count);
        Assert.All(series, s => Assert.Equal(s.Period.Resolution == Resolution.QuarterHour ? quarters : hours, s.Period.Points.Count));
        Assert.Contains(series, s => s.Period.Resolution == Resolution.QuarterHour);

        var prices = month.PriceListDocuments().Select(d => PriceListXmlReader.Read(Documents.Stream(d)))
            .SelectMany(d => d.Records).SelectMany(r => r.Charges).SelectMany(c => c.PriceSeries).Where(s => s.TimeInterval == day).ToList();
        Assert.NotEmpty(prices);
        Assert.All(prices, s => Assert.Equal(hours, s.Prices.Count));

        foreach (var document in month.SpotPriceDocuments())
        {
            var spot = DayAheadPricesReader.Read(Documents.Stream(document));
            Assert.Equal(quarters, spot.Count(p => day.Contains(p.Start)));
        }
    }
}
