namespace BiO.Domain.Money;

/// <summary>Splits money so that the parts add up to the total exactly (largest remainder, in øre).</summary>
public static class Allocation
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/>: each part gets the floor of its
    /// share in øre, and the øre left over go one each to the largest remainders (ties to the earlier part).
    /// A negative total is split as the negation of the positive split.
    /// </summary>
    /// <exception cref="ArgumentException">No weights, a negative weight, or all weights zero.</exception>
    public static IReadOnlyList<Money> LargestRemainder(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w < 0m) || weights.Sum() == 0m)
        {
            throw new ArgumentException("Weights must be non-negative with a positive sum.", nameof(weights));
        }

        if (total.Amount < 0m)
        {
            return LargestRemainder(-total, weights).Select(m => -m).ToList();
        }

        var totalOre = total.Amount * 100m;
        var weightSum = weights.Sum();
        var shares = weights.Select(w => totalOre * w / weightSum).ToList();
        var floors = shares.Select(s => decimal.Floor(s)).ToList();
        var left = (int)(totalOre - floors.Sum());
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => shares[i] - floors[i]).ThenBy(i => i).Take(left);
        foreach (var i in order)
        {
            floors[i] += 1m;
        }

        return floors.Select(f => new Money(f / 100m, total.Currency)).ToList();
    }
}
