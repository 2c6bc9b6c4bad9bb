using System.Globalization;

namespace BiO.Hosting.Demo;

/// <summary>The demo's printed summary: a table of what was invoiced, what waited and why, and where to look.</summary>
public static class DemoSummary
{
    /// <summary>How many invoices the summary lists by number.</summary>
    public const int InvoicesListed = 5;

    /// <summary>An amount as the summary prints it: DKK with thousands separators and two decimals, e.g. 12,345.67.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The lines of the summary of <paramref name="report"/>.</summary>
    public static IReadOnlyList<string> Lines(DemoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            string.Empty,
            $"==== BiO demo month {report.Month:uuuu-MM}: bill run {report.RunId} " + new string('=', Math.Max(4, 60 - report.RunId.Length)),
            $"  market documents      {report.Intake.Documents} ({report.Intake.Accepted} accepted, {report.Intake.Duplicate} duplicate, {report.Intake.Rejected} rejected)",
            $"  customer records      {report.Setup.Accounts} accounts, {report.MeteringPoints} metering points, {report.Setup.ProductContracts} non-metered products, {report.Setup.Payers} other payers",
            $"  bill run              {(report.Completed ? "complete" : "NOT complete within the time limit")} after {report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
            $"  accounts              {report.Accounts}: {report.Settled} settled, {report.NotDue} not due, {report.Waiting} waiting, {report.Failed} failed",
            string.Empty,
            $"  invoices issued       {report.Invoices.Count,16}",
            $"  total excl. VAT       {Amount(report.TotalExcludingVat),16} DKK",
            $"  VAT                   {Amount(report.TotalVat),16} DKK",
            $"  total incl. VAT       {Amount(report.Total),16} DKK",
            string.Empty,
        };

        var stillOpen = report.StillOpen.Select(o => o.AccountId).ToHashSet(StringComparer.Ordinal);
        var settledAfterWaiting = report.AccountsThatWaited.Count(a => !stillOpen.Contains(a));
        lines.Add($"  waited for data       {report.AccountsThatWaited.Count} account(s); {settledAfterWaiting} of them settled once it came");
        foreach (var group in report.WaitedFor)
        {
            lines.Add($"    {group.Accounts,5} account(s)  {group.Reason} ({group.Occurrences} period(s))");
        }

        if (report.ReRequests.Count > 0)
        {
            lines.Add($"  re-requests (RSM-015) {string.Join(", ", report.ReRequests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key.ToLowerInvariant()}"))}");
        }

        if (report.StillOpen.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add($"  still open            {report.StillOpen.Count} account(s):");
            foreach (var open in report.StillOpen.Take(20))
            {
                lines.Add($"    {open.AccountId} {open.State}: {string.Join("; ", open.Reasons.Take(3))}{(open.Reasons.Count > 3 ? $"; ... ({open.Reasons.Count} reasons)" : string.Empty)}");
            }
        }

        if (report.Intake.Rejections.Count > 0 || report.Setup.Problems.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("  REFUSED (a bug of the demo generator or setup):");
            lines.AddRange(report.Intake.Rejections.Concat(report.Setup.Problems).Take(20).Select(r => "    " + r));
        }

        if (report.Invoices.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add($"  first invoices        {"excl. VAT",12} {"VAT",12} {"total",12}");
            foreach (var invoice in report.Invoices.Take(InvoicesListed))
            {
                lines.Add($"    {invoice.Label} {invoice.AccountId,-10} {Amount(invoice.TotalExcludingVat),12} {Amount(invoice.TotalVat),12} {Amount(invoice.Total),12}");
            }
        }

        lines.Add(string.Empty);
        lines.Add("  where to look");
        lines.AddRange(report.Urls.Select(u => "    " + u));
        lines.Add(new string('=', 80));
        return lines;
    }
}
