using BiO.Demo;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.MarketIntake;

namespace BiO.Hosting.Demo;

/// <summary>What the intake said to the documents of a demo month.</summary>
/// <param name="Rejections">Each refused document with its reasons: the generator wrote something DataHub would not.</param>
public sealed record DemoIntakeCounts(int Documents, int Accepted, int Duplicate, int Rejected, IReadOnlyList<string> Rejections);

/// <summary>Puts a demo month's documents through the market intake and waits until the meter data reached the points.</summary>
public static class DemoIntake
{
    /// <summary>Every document of <paramref name="month"/> in delivery order through <see cref="MarketIntake.MarketIntake.AcceptAsync"/>.</summary>
    public static async Task<DemoIntakeCounts> DeliverAsync(MarketIntake.MarketIntake intake, DemoMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(month);
        int documents = 0, accepted = 0, duplicate = 0;
        var rejections = new List<string>();
        foreach (var document in month.Documents())
        {
            documents++;
            var result = await intake.AcceptAsync(document.ContentType, document.Body, cancellationToken);
            switch (result.Status)
            {
                case IntakeStatus.Accepted:
                    accepted++;
                    break;
                case IntakeStatus.Duplicate:
                    duplicate++;
                    break;
                default:
                    rejections.Add($"{document.Kind} {document.DocumentId}: {string.Join("; ", result.Reasons)}");
                    break;
            }
        }

        return new DemoIntakeCounts(documents, accepted, duplicate, rejections.Count, rejections);
    }

    /// <summary>
    /// Waits until every point of <paramref name="month"/> has indexed at least the series delivered for it (one per
    /// supplied day, less the days held back whole): meter data travels to the points over a stream, after the intake
    /// answered. A bill run started before would re-request data that is on its way.
    /// </summary>
    /// <returns>How many points had not got all their series when <paramref name="timeout"/> passed (0: all had).</returns>
    public static async Task<int> AwaitMeterDataAsync(IGrainFactory grains, DemoMonth month, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(month);
        var period = BillingPeriod.Of(month.Options.Month);
        var expected = month.Points().ToDictionary(
            p => p.Gsrn.Value,
            p => period.Days().Count(d => d.Date >= p.SupplyStart) - month.Withheld(p).Where(w => w.WholeDay).Select(w => w.Day).Distinct().Count());
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var behind = new List<string>();
            foreach (var chunk in expected.Chunk(64))
            {
                var views = await Task.WhenAll(chunk.Select(p => grains.GetGrain<IMeteringPointGrain>(p.Key).GetMeterDataAsync(new MeterDataQuery(period.Utc))));
                behind.AddRange(views.Where(v => v.Versions < expected[v.Gsrn]).Select(v => v.Gsrn));
            }

            if (behind.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return behind.Count;
            }

            foreach (var gsrn in expected.Keys.Except(behind).ToList())
            {
                expected.Remove(gsrn);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
