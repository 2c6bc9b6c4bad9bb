using BiO.Domain.Billing;
using BiO.Domain.Corrections;
using CsCheck;

namespace BiO.Domain.Tests.Corrections;

public class PointCorrectionPropertyTests
{
    private static readonly Gen<Arrival> AnyArrival =
        Gen.Select(Gen.Bool, Gen.Int[1, 31], Gen.Int[0, 2000])
            .Select((meterData, day, value) => new Arrival(meterData, day, meterData ? value / 1000m : value / 2000m));

    // Corrections that arrive, and after each one whether a correction is settled (invoiced) there and then.
    private static readonly Gen<(Arrival Arrival, bool Settle)[]> Arrivals =
        Gen.Select(AnyArrival, Gen.Bool).Array[1, 6];

    [Fact]
    public void The_first_invoice_plus_every_correction_equals_the_rating_of_the_final_data_whatever_the_order_and_timing()
    {
        Arrivals.Sample(arrivals =>
        {
            var scenario = new CorrectionScenario();
            var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();
            foreach (var (arrival, settle) in arrivals)
            {
                scenario.Receive(arrival);
                if (settle)
                {
                    ledger.AddRange(CorrectionScenario.Invoice(Correct(scenario, ledger).Lines));
                }
            }

            ledger.AddRange(CorrectionScenario.Invoice(Correct(scenario, ledger).Lines));

            Assert.Equal(CorrectionScenario.Totals(scenario.Rate().Lines), CorrectionScenario.Totals(ledger));
            Assert.Empty(Correct(scenario, ledger).Lines); // settled: nothing is left, nothing is counted twice
        }, iter: 25);
    }

    [Fact]
    public void Corrections_of_different_days_give_the_same_total_in_any_order_of_arrival()
    {
        Gen.Shuffle(Enumerable.Range(1, 31).ToArray(), 4).Select(Gen.Bool.Array[4], Gen.Int[1, 24]).Sample((days, kinds, seed) =>
        {
            var arrivals = days.Select((day, i) => new Arrival(kinds[i], day, kinds[i] ? seed / 100m : seed / 10m)).ToList();
            var forward = SettleOneByOne(arrivals);
            var backward = SettleOneByOne(Enumerable.Reverse(arrivals).ToList());
            Assert.Equal(forward, backward);
        }, iter: 10);
    }

    private static IReadOnlyDictionary<string, decimal> SettleOneByOne(IReadOnlyList<Arrival> arrivals)
    {
        var scenario = new CorrectionScenario();
        var ledger = CorrectionScenario.Invoice(scenario.Rate().Lines).ToList();
        foreach (var arrival in arrivals)
        {
            scenario.Receive(arrival);
            ledger.AddRange(CorrectionScenario.Invoice(Correct(scenario, ledger).Lines));
        }

        return CorrectionScenario.Totals(ledger);
    }

    private static PointCorrection Correct(CorrectionScenario scenario, IReadOnlyList<InvoicedElement> ledger)
    {
        var correction = PointCorrection.Compute(CorrectionScenario.Point, CorrectionScenario.March, scenario.Rate(), ledger);
        Assert.Equal(PartState.Ready, correction.State);
        return correction;
    }
}
