using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests.Prices;

public class PriceTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 31, 23, 0);

    [Fact]
    public void Tariff_prices_are_exact_and_subscription_prices_carry_forward()
    {
        var table = PriceHistory.Of(T0, [(T0, 1.5m), (T0 + Duration.FromHours(2), 2.5m)]).AsKnownAt(T0);
        Assert.True(table.TryExact(T0, out var p0));
        Assert.Equal(1.5m, p0.Price.Value);
        Assert.False(table.TryExact(T0 + Duration.FromHours(1), out _));
        Assert.True(table.TryLastKnown(T0 + Duration.FromHours(1), out var carried));
        Assert.Equal(1.5m, carried.Price.Value);
        Assert.True(table.TryLastKnown(T0 + Duration.FromDays(100), out var last));
        Assert.Equal(2.5m, last.Price.Value);
        Assert.False(table.TryLastKnown(T0 - Duration.Epsilon, out _));
    }

    [Fact]
    public void Price_versions_are_kept_and_resolved_as_known_at()
    {
        var t1 = T0 + Duration.FromDays(1);
        var history = PriceHistory.Of(T0, [(T0, 1m)]).With(PriceHistory.Of(t1, [(T0, 2m)]).Points);
        Assert.True(history.AsKnownAt(T0).TryExact(T0, out var before));
        Assert.True(history.AsKnownAt(t1).TryExact(T0, out var after));
        Assert.Equal((1m, T0), (before.Price.Value, before.ReceivedAt));
        Assert.Equal((2m, t1), (after.Price.Value, after.ReceivedAt));
    }

    [Fact]
    public void Supplier_price_lists_express_time_of_use_windows_and_seasons()
    {
        var winter = new HashSet<int> { 1, 2, 3, 10, 11, 12 };
        var summer = new HashSet<int> { 4, 5, 6, 7, 8, 9 };
        var version = new PriceListVersion(new LocalDate(2025, 1, 1), new UnitPrice(0.1625m), new UnitPrice(29m),
        [
            new TimeOfUseWindow("low", winter.Concat(summer).ToHashSet(), new LocalTime(0, 0), new LocalTime(6, 0), new UnitPrice(0.1083m)),
            new TimeOfUseWindow("peak-winter", winter, new LocalTime(17, 0), new LocalTime(21, 0), new UnitPrice(0.9751m)),
            new TimeOfUseWindow("peak-summer", summer, new LocalTime(17, 0), new LocalTime(21, 0), new UnitPrice(0.4225m)),
            new TimeOfUseWindow("high-winter", winter, new LocalTime(6, 0), LocalTime.Midnight, new UnitPrice(0.3250m)),
        ]);
        var list = new SupplierPriceList("FLEX", [version, version with { EffectiveFrom = new LocalDate(2026, 1, 1), Markup = new UnitPrice(0.2m), Windows = [] }]);
        var v2025 = list.On(new LocalDate(2025, 7, 1))!;
        Assert.Equal(0.1083m, v2025.MarkupAt(new LocalDateTime(2025, 7, 1, 5, 45)).Value);
        Assert.Equal(0.4225m, v2025.MarkupAt(new LocalDateTime(2025, 7, 1, 17, 0)).Value);
        Assert.Equal(0.1625m, v2025.MarkupAt(new LocalDateTime(2025, 7, 1, 21, 0)).Value);
        Assert.Equal(0.9751m, v2025.MarkupAt(new LocalDateTime(2025, 1, 1, 20, 59)).Value);
        Assert.Equal(0.3250m, v2025.MarkupAt(new LocalDateTime(2025, 12, 1, 23, 0)).Value);
        Assert.Equal(0.2m, list.On(new LocalDate(2026, 7, 1))!.MarkupAt(new LocalDateTime(2026, 7, 1, 18, 0)).Value);
        Assert.Null(list.On(new LocalDate(2024, 12, 31)));
    }

    [Fact]
    public void Charges_and_links_check_their_invariants()
    {
        var tariff = new ChargeKey("5790000432752", "40000", ChargeType.Tariff);
        Assert.Equal("resolution", Assert.Throws<ArgumentException>(() => new Charge(tariff, Resolution.Month, false)).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentException>(() => new Charge(tariff with { }, Resolution.Month, false)).ParamName);
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new ChargeKey("5790000432752", "12345678901", ChargeType.Fee)).ParamName);
        var factor = Assert.Throws<ArgumentOutOfRangeException>(() => new ChargeLink(tariff, "571313000000002000", 0, T0, null));
        Assert.Equal(("factor", (object?)0), (factor.ParamName, factor.ActualValue));
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => new ChargeLink(tariff, "571313000000002000", 1, T0, T0)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => new PriceTable([new PricePoint(T0, new UnitPrice(1m), T0), new PricePoint(T0, new UnitPrice(2m), T0)])).ParamName);
    }
}

public class PriceHistoryKeptTableTests
{
    private static readonly Instant Hour = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly Instant First = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly Instant Correction = Instant.FromUtc(2026, 3, 5, 0, 0);

    [Fact]
    public void The_table_kept_once_everything_is_known_is_not_given_for_an_earlier_instant()
    {
        var history = new PriceHistory([
            new PricePoint(Hour, new BiO.Domain.Money.UnitPrice(0.5m), First),
            new PricePoint(Hour, new BiO.Domain.Money.UnitPrice(0.75m), Correction)]);

        var late = history.AsKnownAt(Correction + Duration.FromDays(1));
        Assert.Same(late, history.AsKnownAt(Correction + Duration.FromDays(2))); // kept: both instants know every version
        Assert.True(history.AsKnownAt(Correction - Duration.FromHours(1)).TryExact(Hour, out var before));
        Assert.True(late.TryExact(Hour, out var after));
        Assert.Equal((0.5m, 0.75m), (before.Price.Value, after.Price.Value));
    }
}
