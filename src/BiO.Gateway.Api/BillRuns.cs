using System.ComponentModel;
using BiO.Grains.BillRuns;

namespace BiO.Gateway.Api;

/// <summary>The body of POST /api/bill-runs.</summary>
public sealed record BillRunRequest(
    [property: Description("The month to bill, yyyy-MM (e.g. 2026-03).")] string? Month,
    [property: Description("The run's id; default run-{month}-{8 hex digits}.")] string? RunId = null);

/// <summary>A bill run's progress; <see cref="Accounts"/> is a page of its accounts when asked for (?accounts=...).</summary>
public sealed record BillRunResponse(
    string RunId,
    [property: Description("yyyy-MM.")] string Month,
    string StartedAt,
    [property: Description("ISO instant, null while accounts are pending or waiting.")] string? CompletedAt,
    int Total,
    int Pending,
    int Waiting,
    int Settled,
    int Failed,
    int NotDue,
    Page<BillRunAccountResponse>? Accounts)
{
    public static BillRunResponse From(BillRunView v, Page<BillRunAccountResponse>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.RunId, Iso.Month(v.Month), Iso.Instant(v.StartedAt), Iso.Instant(v.CompletedAt), v.Total, v.Pending, v.Waiting, v.Settled,
            v.Failed, v.NotDue, accounts);
    }
}

/// <summary>One account in a bill run: its state with the reasons (waiting, failed) or the invoice (settled).</summary>
public sealed record BillRunAccountResponse(
    string AccountId,
    [property: Description("Pending, Ready, Waiting, Settled, Failed or NotDue.")] string State,
    IReadOnlyList<string> Reasons,
    string? InvoiceNumber,
    decimal? Total,
    int Attempts)
{
    public static BillRunAccountResponse From(BillRunAccount a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.AccountId, a.State, a.Reasons, a.InvoiceNumber, a.Total, a.Attempts);
    }
}
