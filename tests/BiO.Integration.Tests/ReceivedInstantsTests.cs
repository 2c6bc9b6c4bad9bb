using BiO.MarketIntake;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>The inbox's received instants: strictly increasing in the order handed out, also as PostgreSQL stores them.</summary>
public class ReceivedInstantsTests
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 3, 3, 12, 0) + Duration.FromTicks(7); // not on a microsecond

    // As a timestamptz keeps it: whole microseconds since the epoch.
    private static long Microseconds(Instant instant) => instant.ToUnixTimeTicks() / 10;

    [Fact]
    public void A_clock_that_stands_still_gives_instants_one_step_apart_that_stay_apart_to_the_microsecond()
    {
        var instants = new ReceivedInstants();

        var handedOut = Enumerable.Range(0, 1000).Select(_ => instants.Next(Noon)).ToList();

        Assert.Equal(Noon, handedOut[0]);
        Assert.All(handedOut.Zip(handedOut.Skip(1)), pair => Assert.Equal(ReceivedInstants.Step, pair.Second - pair.First));
        Assert.Equal(1000, handedOut.Select(Microseconds).Distinct().Count());
        Assert.Equal(Duration.FromNanoseconds(1000), ReceivedInstants.Step);
    }

    [Fact]
    public void A_clock_that_goes_back_or_ahead_by_less_than_a_step_never_gives_an_earlier_or_equal_instant()
    {
        var instants = new ReceivedInstants();
        var first = instants.Next(Noon);

        var back = instants.Next(Noon - Duration.FromSeconds(1));
        var barelyAhead = instants.Next(back + Duration.FromTicks(3));

        Assert.Equal(first + ReceivedInstants.Step, back);
        Assert.Equal(back + ReceivedInstants.Step, barelyAhead);
        Assert.True(Microseconds(barelyAhead) > Microseconds(back));
    }

    [Fact]
    public void A_clock_that_moves_on_by_a_step_or_more_is_taken_as_it_is()
    {
        var instants = new ReceivedInstants();
        instants.Next(Noon);

        var later = Noon + Duration.FromMilliseconds(40);

        Assert.Equal(later, instants.Next(later));
        Assert.Equal(later + ReceivedInstants.Step + Duration.FromTicks(1), instants.Next(later + ReceivedInstants.Step + Duration.FromTicks(1)));
    }

    [Fact]
    public void Instants_handed_out_to_many_threads_are_all_different()
    {
        var instants = new ReceivedInstants();

        var handedOut = new System.Collections.Concurrent.ConcurrentBag<Instant>();
        Parallel.For(0, 10_000, _ => handedOut.Add(instants.Next(Noon)));

        Assert.Equal(10_000, handedOut.Distinct().Count());
        Assert.Equal(Noon + ReceivedInstants.Step * 9_999, handedOut.Max());
    }
}
