using System.Globalization;
using System.Net;
using BiO.Demo;
using BiO.Domain.Time;
using BiO.Hosting.Demo;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace BiO.Integration.Tests;

/// <summary>
/// The main job on the embedded default: the real silo host with the demo on, for a small demo month whose meter data
/// has gaps that the simulated DataHub answers when re-requested.
/// </summary>
[Trait("Category", "EndToEnd")]
public class MainJobTests
{
    private static Dictionary<string, string?> Settings(int customers, int seed, double missingShare) => new()
    {
        ["BiO:ClusterId"] = "demo-" + Guid.NewGuid().ToString("N")[..8],
        ["BiO:Demo:Enabled"] = "true",
        ["BiO:Demo:Customers"] = customers.ToString(CultureInfo.InvariantCulture),
        ["BiO:Demo:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["BiO:Demo:MissingShare"] = missingShare.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_demo_month_gives_every_due_account_one_invoice_after_DataHub_answered_the_missing_hours_and_the_summary_adds_them_up()
    {
        await using var silo = await Host.SiloAsync(Settings(customers: 20, seed: 7, missingShare: 0.3));
        var job = silo.App.Services.GetRequiredService<DemoJob>();
        var report = await job.Completion.WaitAsync(TimeSpan.FromMinutes(4));

        Assert.True(report.Completed, string.Join(Environment.NewLine, job.Transcript));
        Assert.Empty(report.Intake.Rejections);
        Assert.Empty(report.Setup.Problems);
        Assert.Equal(report.Intake.Documents, report.Intake.Accepted);

        // Due: an account that pays for a point supplied by the month's last day, or has a product started by then.
        var month = silo.App.Services.GetRequiredService<DemoMonth>();
        var period = BillingPeriod.Of(month.Options.Month);
        var customers = month.Customers().ToList();
        var due = customers.SelectMany(a => a.MeteringPoints).Where(p => p.ContractStart <= period.Dates.End).Select(p => p.PayerAccountId)
            .Concat(customers.Where(a => a.Products.Any(p => p.Start <= period.Dates.End)).Select(a => a.AccountId))
            .ToHashSet(StringComparer.Ordinal);
        var store = silo.App.Services.GetRequiredService<IInvoiceStore>();
        var invoices = new List<InvoiceSummary>();
        foreach (var account in customers)
        {
            var ofMonth = (await store.ListByAccountAsync(account.AccountId)).Where(i => i.Period == period.Dates).ToList();
            Assert.True(ofMonth.Count == (due.Contains(account.AccountId) ? 1 : 0),
                $"Account {account.AccountId} (due: {due.Contains(account.AccountId)}) has {ofMonth.Count} invoice(s) for {month.Options.Month}.");
            invoices.AddRange(ofMonth);
        }

        Assert.True(invoices.Count >= 10, $"only {invoices.Count} invoices");

        // The points with held-back hours were re-requested, DataHub answered, and their payers were invoiced after that.
        var withheld = month.Withheld().Select(w => w.MeteringPoint).Distinct().ToList();
        Assert.NotEmpty(withheld);
        var requests = new MeterDataRequests(silo.App.Services.GetRequiredService<IOutbox>());
        foreach (var gsrn in withheld)
        {
            var asked = await requests.ForPointAsync(gsrn.Value);
            Assert.NotEmpty(asked);
            Assert.All(asked, r => Assert.Equal(OutboxState.Answered, r.State));
            var payer = customers.SelectMany(a => a.MeteringPoints).Single(p => p.MeteringPoint == gsrn).PayerAccountId;
            Assert.Contains(payer, report.AccountsThatWaited);
            var invoice = Assert.Single(invoices, i => i.AccountId == payer);
            Assert.True(invoice.IssuedAt >= asked.Max(r => r.AnsweredAt!.Value), $"The invoice of {payer} was issued before DataHub answered for {gsrn}.");
        }

        Assert.Contains(report.WaitedFor, g => g.Reason == "no quantity" && g.Accounts > 0);

        // The printed summary: its counts and totals are those of the invoices.
        var printed = job.Transcript.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal(invoices.Count, (int)Printed(printed, "invoices issued"));
        Assert.Equal(invoices.Sum(i => i.TotalExcludingVat), Printed(printed, "total excl. VAT"));
        Assert.Equal(invoices.Sum(i => i.TotalVat), Printed(printed, "VAT"));
        Assert.Equal(invoices.Sum(i => i.Total), Printed(printed, "total incl. VAT"));

        // The silo keeps serving after the job.
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/api/bill-runs/{job.RunId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_demo_is_off_when_the_tests_do_not_ask_for_it()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?> { ["BiO:ClusterId"] = "nodemo-" + Guid.NewGuid().ToString("N")[..8] });
        Assert.Null(silo.App.Services.GetService<DemoJob>());
    }

    // The number of a summary line "label   12,345.67 DKK" (or a count).
    private static decimal Printed(IReadOnlyList<string> lines, string label)
    {
        var line = Assert.Single(lines, l => l.StartsWith(label + " ", StringComparison.Ordinal));
        var value = line[label.Length..].Trim().Split(' ')[0];
        return decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
