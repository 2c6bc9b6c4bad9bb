using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;

namespace BiO.Market.Tests;

public sealed class MeasureDataValidatorTests
{
    private const string Document = "BIO-FIX-BAD";

    private static readonly MeasureDataProblem[] Expected =
    [
        new(Document, "S-BAD", "Series[0].Period.Point[1]", "Position 2 has a negative quantity (-0.250); E17 quantities are never negative."),
        new(Document, "S-BAD", "Series[0].Period.Point[2]", "Position 2 appears again (first at Point[1])."),
        new(Document, "S-BAD", "Series[0].Period.Point[3]", "Position 4 has quality A02 (not available) but a quantity (2.000)."),
        new(Document, "S-BAD", "Series[0].Period.Point[4]", "Position 5 has no quantity; only quality A02 (not available) may lack one, got A03."),
        new(Document, "S-BAD", "Series[0].Period.Point[5]", "Position 0 is outside 1..8 (8 × PT1H in 2024-06-28T22:00Z..2024-06-29T06:00Z)."),
        new(Document, "S-BAD", "Series[0].Period.Point[6]", "Position 9 is outside 1..8 (8 × PT1H in 2024-06-28T22:00Z..2024-06-29T06:00Z)."),
        new(Document, "S-BAD", "Series[0].Period", "Points 6..8 of 8 are absent."),
        new(Document, "S-OFFSTEP", "Series[1].Period.timeInterval", "The interval 2024-06-28T22:30Z..2024-06-29T06:00Z does not start on a whole PT1H step."),
        new(Document, "S-OFFSTEP", "Series[1].Period.Point[0]", "Position 1 has a negative quantity (-1.000); E18 quantities are never negative."),
    ];

    [Fact]
    public void Every_rule_break_is_reported_with_document_series_and_place_and_child_points_may_be_negative()
    {
        using var stream = Fixture.Open("Rsm012/pt1h-rule-breaks.json");

        var problems = MeasureDataValidator.Validate(ValidatedMeasureDataJsonReader.Read(stream));

        Assert.Equal(Expected, problems);
        Assert.DoesNotContain(problems, p => p.SeriesId == "S-CHILD");
    }

    [Fact]
    public void Xml_gives_the_same_problems()
    {
        using var stream = Fixture.Open("Rsm012/pt1h-rule-breaks.xml");

        Assert.Equal(Expected, MeasureDataValidator.Validate(ValidatedMeasureDataXmlReader.Read(stream)));
    }

    [Theory]
    [InlineData("\"2024-06-29T22:00Z\"", "\"2024-06-28T22:00Z\"",
        "Series[0].Period.timeInterval", "The interval 2024-06-28T22:00Z..2024-06-28T22:00Z is empty.")]
    [InlineData("\"2024-06-29T22:00Z\"", "\"2024-06-29T22:10Z\"",
        "Series[0].Period.timeInterval", "The interval 2024-06-28T22:00Z..2024-06-29T22:10Z does not end on a whole PT1H step.")]
    [InlineData("\"resolution\": \"PT1H\"", "\"resolution\": \"P1M\"",
        "Series[0].Period.timeInterval", "The interval 2024-06-28T22:00Z..2024-06-29T22:00Z does not start at local midnight on the first of a month (Europe/Copenhagen), as P1M needs.")]
    public void Interval_rules(string find, string replace, string place, string message)
    {
        var text = Fixture.Text("Rsm012/pt1h-six-of-24.json");
        Assert.Contains(find, text, StringComparison.Ordinal);

        var problems = MeasureDataValidator.Validate(ValidatedMeasureDataJsonReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal([new MeasureDataProblem("BIO-FIX-SIX", "S-SIX", place, message)], problems);
    }

    [Fact]
    public void A_monthly_series_on_local_month_bounds_counts_calendar_months()
    {
        var text = Fixture.Text("Rsm012/pt1h-six-of-24.json")
            .Replace("\"resolution\": \"PT1H\"", "\"resolution\": \"P1M\"", StringComparison.Ordinal)
            .Replace("2024-06-28T22:00Z", "2023-12-31T23:00Z", StringComparison.Ordinal)
            .Replace("2024-06-29T22:00Z", "2024-06-30T22:00Z", StringComparison.Ordinal);

        var problems = MeasureDataValidator.Validate(ValidatedMeasureDataJsonReader.Read(text));

        Assert.Empty(problems); // January to June 2024: six months, six points
    }
}
