using BiO.Domain.Prices;
using NodaTime;

namespace BiO.Domain.Tests.Prices;

public class ChargeLinksTests
{
    private const string Point = "571313000000002000";
    private static readonly ChargeKey Tariff = new("5790000610976", "40000", ChargeType.Tariff);
    private static readonly ChargeKey Subscription = new("5790000610976", "NETAB", ChargeType.Subscription);
    private static readonly Instant January = Instant.FromUtc(2025, 12, 31, 23, 0);
    private static readonly Instant February = Instant.FromUtc(2026, 1, 31, 23, 0);
    private static readonly Instant March = Instant.FromUtc(2026, 2, 28, 23, 0);

    [Fact]
    public void A_link_sent_again_for_the_same_charge_and_start_replaces_the_first()
    {
        var links = ChargeLinks.Empty
            .With(new ChargeLink(Tariff, Point, 1, January, null))
            .With(new ChargeLink(Subscription, Point, 1, January, null))
            .With(new ChargeLink(Tariff, Point, 2, January, February));

        Assert.Equal(2, links.All.Count);
        Assert.Equal(2, links.All.Single(l => l.Charge == Tariff).Factor);
        Assert.Equal([Subscription], links.InForce(new Interval(February, March)).Select(l => l.Charge));
        Assert.Equal(2, links.InForce(new Interval(January, February)).Count);
    }

    [Fact]
    public void Links_of_another_metering_point_are_refused() =>
        Assert.Throws<ArgumentException>(() => ChargeLinks.Empty
            .With(new ChargeLink(Tariff, Point, 1, January, null))
            .With(new ChargeLink(Tariff, "571313000000002001", 1, January, null)));
}
