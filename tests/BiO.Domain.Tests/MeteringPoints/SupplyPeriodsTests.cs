using BiO.Domain.MeteringPoints;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.MeteringPoints;

public class SupplyPeriodsTests
{
    private static readonly Instant March = Instant.FromUtc(2026, 2, 28, 23, 0);
    private static readonly Instant April = Instant.FromUtc(2026, 3, 31, 22, 0);
    private static readonly Instant May = Instant.FromUtc(2026, 4, 30, 22, 0);

    [Fact]
    public void A_move_in_opens_supply_and_a_move_out_closes_it()
    {
        var periods = SupplyPeriods.Empty
            .With(new SupplyChange("req-1", SupplyEvent.MoveIn, March))
            .With(new SupplyChange("req-2", SupplyEvent.EndOfSupply, April));

        Assert.Equal([new Interval(March, April)], periods.Periods);
        Assert.True(periods.Supplies(March));
        Assert.False(periods.Supplies(April));
        Assert.Equal([new Interval(March, April)], periods.Within(new Interval(March - Duration.FromDays(3), May)));
    }

    [Fact]
    public void An_open_supply_is_clipped_to_the_period_asked_for()
    {
        var periods = SupplyPeriods.Empty.With(new SupplyChange("req-1", SupplyEvent.ChangeOfSupplier, April));
        Assert.Equal([new Interval(April, May)], periods.Within(new Interval(March, May)));
        Assert.Empty(periods.Within(new Interval(March, April)));
    }

    [Fact]
    public void The_same_request_again_changes_nothing()
    {
        var once = SupplyPeriods.Empty.With(new SupplyChange("req-1", SupplyEvent.MoveIn, March));
        Assert.Same(once, once.With(new SupplyChange("req-1", SupplyEvent.MoveIn, March)));
    }

    [Fact]
    public void A_start_and_an_end_at_the_same_instant_are_refused_naming_both_requests()
    {
        var periods = SupplyPeriods.Empty.With(new SupplyChange("req-1", SupplyEvent.MoveIn, March));
        var error = Assert.Throws<ArgumentException>(() => periods.With(new SupplyChange("req-2", SupplyEvent.EndOfSupply, March)));
        Assert.Contains("req-2", error.Message, StringComparison.Ordinal);
        Assert.Contains("req-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_periods_depend_only_on_the_set_of_changes_not_on_their_order()
    {
        var change = Gen.Select(Gen.Int[0, 60], Gen.Int[0, 2], (day, kind) => (Day: day, Kind: (SupplyEvent)kind));
        Gen.Select(change.List[0, 12], Gen.Int)
            .Sample((changes, seed) =>
            {
                var distinct = changes.DistinctBy(c => c.Day).Select((c, i) => new SupplyChange($"req-{i}", c.Kind, March + Duration.FromDays(c.Day))).ToList();
                var shuffled = distinct.OrderBy(_ => new Random(seed).Next()).ToList();
                var inOrder = distinct.Aggregate(SupplyPeriods.Empty, (p, c) => p.With(c));
                var outOfOrder = shuffled.Aggregate(SupplyPeriods.Empty, (p, c) => p.With(c));
                Assert.Equal(inOrder.Periods, outOfOrder.Periods);
                Assert.All(inOrder.Periods.Zip(inOrder.Periods.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start));
            });
    }
}
