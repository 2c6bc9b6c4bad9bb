namespace BiO.Bench.BillRun;

/// <summary>The baseline's amounts against the invoices' lines, per metering point and price element, to the øre.</summary>
/// <param name="Compared">Amounts present on both sides.</param>
/// <param name="Mismatches">Of those, how many differ.</param>
/// <param name="Missing">Amounts on one side only.</param>
/// <param name="Samples">A few points' amounts side by side (the first points, then any that differ).</param>
public sealed record AmountComparison(int Compared, int Mismatches, int Missing, IReadOnlyList<string> Samples)
{
    public static AmountComparison Of(IReadOnlyList<ElementAmount> baseline, IReadOnlyList<ElementAmount> invoiced)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(invoiced);
        var sql = baseline.ToDictionary(a => (a.Gsrn, a.Element), a => a.Amount);
        var lines = invoiced.GroupBy(a => (a.Gsrn, a.Element)).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        var compared = 0;
        var samples = new List<string>();
        var wrong = new List<string>();
        foreach (var (key, amount) in sql.OrderBy(k => k.Key.Gsrn, StringComparer.Ordinal).ThenBy(k => k.Key.Element, StringComparer.Ordinal))
        {
            if (!lines.TryGetValue(key, out var line))
            {
                continue;
            }

            compared++;
            var text = $"{key.Gsrn} {key.Element,-12} sql {amount,12:F2}  invoice {line,12:F2}";
            if (amount != line)
            {
                wrong.Add(text + "  DIFFERENT");
            }
            else if (samples.Count < 16)
            {
                samples.Add(text);
            }
        }

        var missing = sql.Keys.Except(lines.Keys).Concat(lines.Keys.Except(sql.Keys)).ToList();
        samples.AddRange(wrong.Take(10));
        samples.AddRange(missing.Take(10).Select(k => $"{k.Gsrn} {k.Element}: only in {(sql.ContainsKey(k) ? "sql" : "invoices")}"));
        return new AmountComparison(compared, wrong.Count, missing.Count, samples);
    }

    public override string ToString() =>
        $"{Compared:N0} amounts compared, {Mismatches:N0} differ, {Missing:N0} on one side only";
}
