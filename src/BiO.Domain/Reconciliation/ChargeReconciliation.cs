using BiO.Domain.Prices;
using NodaTime;

namespace BiO.Domain.Reconciliation;

/// <summary>
/// Compares DataHub's wholesale settlement (RSM-019) with what BiO invoiced, per charge, grid area and billing period.
/// <list type="bullet">
/// <item>DataHub's side: of the results for one key, the latest settlement counts (D05 &lt; D32 D01 &lt; D02 &lt; D03);
/// results of that same version are added (a document may split a charge's period into several series).</item>
/// <item>Scope: DataHub's results cover some grid areas and periods; only our totals in those (grid area, period)
/// pairs are compared, so a document for one grid area does not report every other grid area as missing.</item>
/// <item>Tolerance: DataHub sums unrounded 6-decimal amounts over all metering points, BiO rounds each metering point's
/// line to øre (half away from zero), so each invoiced metering point may be up to 0.005 DKK off: the amounts match when
/// they differ by at most 0.005 DKK x the number of metering points BiO invoiced the charge for (0 without any).</item>
/// <item>Quantities have 3 decimals on both sides and are summed without rounding: they must be equal.</item>
/// <item>A key on one side only is a difference.</item>
/// </list>
/// </summary>
public static class ChargeReconciliation
{
    /// <summary>The most a single invoiced metering point's amount can differ from DataHub's unrounded sum: half an øre.</summary>
    public const decimal TolerancePerMeteringPoint = 0.005m;

    /// <summary>The largest amount difference that still matches for a charge BiO invoiced on <paramref name="meteringPoints"/> points.</summary>
    public static decimal ToleranceFor(int meteringPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(meteringPoints);
        return TolerancePerMeteringPoint * meteringPoints;
    }

    /// <summary>
    /// Every key of either side in DataHub's scope, with both totals and the outcome; differences first, then matches,
    /// each by period, grid area and charge.
    /// </summary>
    /// <exception cref="ArgumentException">Our totals name the same charge, grid area and period twice.</exception>
    public static IReadOnlyList<ReconciliationLine> Compare(IEnumerable<WholesaleResult> dataHub, IEnumerable<InvoicedChargeTotal> ours)
    {
        ArgumentNullException.ThrowIfNull(dataHub);
        ArgumentNullException.ThrowIfNull(ours);
        var latest = Latest(dataHub);
        var scope = latest.Keys.Select(k => (k.GridArea, k.Period)).ToHashSet();
        var invoiced = new Dictionary<Key, InvoicedChargeTotal>();
        foreach (var total in ours)
        {
            var key = new Key(total.Charge, total.GridArea, total.Period);
            if (!scope.Contains((key.GridArea, key.Period)))
            {
                continue;
            }

            if (!invoiced.TryAdd(key, total))
            {
                throw new ArgumentException($"Our totals name {total.Charge} in grid area {total.GridArea} for {total.Period} twice.", nameof(ours));
            }
        }

        return latest.Keys.Union(invoiced.Keys)
            .Select(key => Line(key, latest.GetValueOrDefault(key), invoiced.GetValueOrDefault(key)))
            .OrderBy(l => l.Matches)
            .ThenBy(l => l.Period.Start)
            .ThenBy(l => l.Period.End)
            .ThenBy(l => l.GridArea, StringComparer.Ordinal)
            .ThenBy(l => l.Charge.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>DataHub's result per key: the latest version's results added up.</summary>
    public static IReadOnlyDictionary<(ChargeKey Charge, string GridArea, DateInterval Period), WholesaleResult> LatestResults(IEnumerable<WholesaleResult> dataHub) =>
        Latest(dataHub).ToDictionary(e => (e.Key.Charge, e.Key.GridArea, e.Key.Period), e => e.Value);

    private static Dictionary<Key, WholesaleResult> Latest(IEnumerable<WholesaleResult> dataHub) => dataHub
        .GroupBy(r => new Key(r.Charge, r.GridArea, r.Period))
        .ToDictionary(g => g.Key, g =>
        {
            var version = g.Max(r => r.Version);
            var ofVersion = g.Where(r => r.Version == version).ToList();
            return ofVersion[0] with { Amount = ofVersion.Sum(r => r.Amount), Quantity = ofVersion.Sum(r => r.Quantity) };
        });

    private static ReconciliationLine Line(Key key, WholesaleResult? dataHub, InvoicedChargeTotal? ours)
    {
        var points = ours?.MeteringPoints ?? 0;
        var tolerance = ToleranceFor(points);
        var amountDifference = (ours?.Amount ?? 0m) - (dataHub?.Amount ?? 0m);
        var quantityDifference = (ours?.Quantity ?? 0m) - (dataHub?.Quantity ?? 0m);
        var status = (dataHub, ours) switch
        {
            (null, _) => ReconciliationStatus.OnlyAtBiO,
            (_, null) => ReconciliationStatus.OnlyAtDataHub,
            _ when Math.Abs(amountDifference) <= tolerance && quantityDifference == 0m => ReconciliationStatus.Matches,
            _ => ReconciliationStatus.Differs,
        };
        return new ReconciliationLine(key.Charge, key.GridArea, key.Period, dataHub?.Version, dataHub?.Amount, ours?.Amount, amountDifference,
            dataHub?.Quantity, ours?.Quantity, quantityDifference, points, tolerance, status);
    }

    private readonly record struct Key(ChargeKey Charge, string GridArea, DateInterval Period);
}
