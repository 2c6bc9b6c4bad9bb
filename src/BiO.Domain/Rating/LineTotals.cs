using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>
/// The running sums of an element's lines: amount, quantity and count, and the newest data and price versions among
/// them, added line by line in time order.
/// </summary>
internal struct LineTotals
{
    public Instant? DataVersion { get; private set; }

    public Instant? PriceVersion { get; private set; }

    public decimal Amount { get; private set; }

    public decimal Quantity { get; private set; }

    public int Count { get; private set; }

    public static LineTotals Of(IReadOnlyList<SettlementLine> lines)
    {
        var totals = default(LineTotals);
        foreach (var line in lines)
        {
            totals.Add(line.Quantity.Value, line.Amount.Value, line.DataVersion, line.PriceVersion);
        }

        return totals;
    }

    public void Add(decimal quantity, decimal amount, Instant? dataVersion, Instant priceVersion)
    {
        if (dataVersion is { } data && (DataVersion is not { } newest || data > newest))
        {
            DataVersion = data;
        }

        if (PriceVersion is not { } newestPrice || priceVersion > newestPrice)
        {
            PriceVersion = priceVersion;
        }
        Amount += amount;
        Quantity += quantity;
        Count++;
    }
}

/// <summary>
/// Lines built on first read. Rating sums the totals in one pass without keeping the lines; the per-interval detail
/// (about 3,000 lines per element and point-month of PT15M) is built, by the same rule, only when something reads it.
/// </summary>
internal sealed class DeferredLines(int count, Func<List<SettlementLine>> build) : IReadOnlyList<SettlementLine>
{
    private List<SettlementLine>? lines;

    public int Count => count;

    private List<SettlementLine> Lines => LazyInitializer.EnsureInitialized(ref lines, build);

    public SettlementLine this[int index] => Lines[index];

    public IEnumerator<SettlementLine> GetEnumerator() => Lines.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
