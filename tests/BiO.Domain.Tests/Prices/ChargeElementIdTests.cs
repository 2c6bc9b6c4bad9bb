using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests.Prices;

public class ChargeElementIdTests
{
    private static readonly Instant LinkFrom = Instant.FromUtc(2025, 12, 31, 23, 0);

    [Theory]
    [InlineData(ChargeType.Tariff, "40000")]
    [InlineData(ChargeType.Subscription, "ABO-1")]
    [InlineData(ChargeType.Fee, "a:b")]
    public void The_charge_of_a_rated_charge_element_is_read_back_from_its_id(ChargeType type, string code)
    {
        var key = new ChargeKey("5790000432752", code, type);
        var resolution = type == ChargeType.Tariff ? Resolution.Hour : Resolution.Month;
        var element = new ChargeElement(new Charge(key, resolution, false), new ChargeLink(key, "571313000000002000", 1, LinkFrom, null),
            PriceHistory.Of(LinkFrom, [(LinkFrom, 1m)]).AsKnownAt(LinkFrom));

        Assert.Equal(element.ElementId, ChargeElementIds.Of(key, LinkFrom));
        Assert.True(ChargeElementIds.TryParse(element.ElementId, out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("spot")]
    [InlineData("markup")]
    [InlineData("Tariff:5790000432752:40000")]
    [InlineData("Energy:5790000432752:40000:17")]
    [InlineData("3:5790000432752:40000:17")]
    [InlineData("Tariff:57900A0432752:40000:17")]
    [InlineData("Tariff:5790000432752::17")]
    [InlineData("Tariff:5790000432752:ABCDEFGHIJK:17")]
    [InlineData("Tariff:5790000432752:40000:x")]
    public void Other_element_ids_are_no_charge(string? elementId)
    {
        Assert.False(ChargeElementIds.TryParse(elementId, out var charge));
        Assert.Null(charge);
    }
}
