using System.Collections.Immutable;
using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Domain.Accounts;

/// <summary>
/// The payer ("betaler") of a metering point from a local day on: the account that receives the invoice for the point,
/// which may differ from the account holding its contract (the user of the point), e.g. a landlord paying for a flat.
/// </summary>
public sealed record Payer
{
    /// <exception cref="ArgumentException">The account id is blank.</exception>
    public Payer(Gsrn meteringPoint, string accountId, LocalDate from)
    {
        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new ArgumentException($"The payer of metering point {meteringPoint} from {from:uuuu-MM-dd} needs an account, got nothing.", nameof(accountId));
        }

        MeteringPoint = meteringPoint;
        AccountId = accountId;
        From = from;
    }

    public Gsrn MeteringPoint { get; }

    /// <summary>The paying account.</summary>
    public string AccountId { get; }

    /// <summary>The first local day this account pays; it pays until the next payer's first day.</summary>
    public LocalDate From { get; }
}

/// <summary>
/// The effective-dated payers of metering points: the payer of a point on a day is the latest from on or before it.
/// A point without a payer on a day is paid by the account holding its contract.
/// </summary>
public sealed class Payers
{
    private readonly ImmutableDictionary<Gsrn, ImmutableList<Payer>> byPoint;

    private Payers(ImmutableDictionary<Gsrn, ImmutableList<Payer>> byPoint) => this.byPoint = byPoint;

    public static Payers None { get; } = new(ImmutableDictionary<Gsrn, ImmutableList<Payer>>.Empty);

    /// <summary>Builds payers one by one with <see cref="With"/>.</summary>
    /// <exception cref="ArgumentException">Two payers of one point from the same day with different accounts.</exception>
    public static Payers Of(IEnumerable<Payer> payers)
    {
        ArgumentNullException.ThrowIfNull(payers);
        return payers.Aggregate(None, (all, p) => all.With(p));
    }

    /// <summary>Adds a payer; the same payer again changes nothing.</summary>
    /// <exception cref="ArgumentException">The point already has another paying account from that day.</exception>
    public Payers With(Payer payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var list = byPoint.GetValueOrDefault(payer.MeteringPoint, []);
        var same = list.Find(p => p.From == payer.From);
        if (same is not null)
        {
            return same.AccountId == payer.AccountId
                ? this
                : throw new ArgumentException(
                    $"Metering point {payer.MeteringPoint} already has payer {same.AccountId} from {payer.From:uuuu-MM-dd}; got {payer.AccountId} for the same day.",
                    nameof(payer));
        }

        var sorted = list.Add(payer).Sort((a, b) => a.From.CompareTo(b.From));
        return new Payers(byPoint.SetItem(payer.MeteringPoint, sorted));
    }

    /// <summary>The payers of a point, by first day.</summary>
    public IReadOnlyList<Payer> HistoryOf(Gsrn meteringPoint) => byPoint.GetValueOrDefault(meteringPoint, []);

    /// <summary>The account paying for <paramref name="meteringPoint"/> on <paramref name="date"/>, or null when none is set.</summary>
    public string? On(Gsrn meteringPoint, LocalDate date) => HistoryOf(meteringPoint).LastOrDefault(p => p.From <= date)?.AccountId;

    /// <summary>
    /// Splits <paramref name="days"/> into runs of one payer each, in order; days without a payer go to
    /// <paramref name="holder"/> (the account holding the contract). Adjacent runs of the same account are merged.
    /// </summary>
    public IReadOnlyList<(DateInterval Days, string AccountId)> Split(Gsrn meteringPoint, DateInterval days, string holder)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var starts = HistoryOf(meteringPoint).Select(p => p.From).Where(d => d > days.Start && d <= days.End).Prepend(days.Start).ToList();
        var runs = new List<(DateInterval Days, string AccountId)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var last = i + 1 < starts.Count ? starts[i + 1].PlusDays(-1) : days.End;
            var account = On(meteringPoint, starts[i]) ?? holder;
            if (runs.Count > 0 && runs[^1].AccountId == account)
            {
                runs[^1] = (new DateInterval(runs[^1].Days.Start, last), account);
            }
            else
            {
                runs.Add((new DateInterval(starts[i], last), account));
            }
        }

        return runs;
    }
}
