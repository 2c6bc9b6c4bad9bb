using NodaTime;

namespace BiO.Hosting.Demo;

/// <summary>An issued invoice as the summary lists it.</summary>
public sealed record DemoInvoice(string Series, long Number, string AccountId, decimal TotalExcludingVat, decimal TotalVat, decimal Total)
{
    /// <summary>The invoice number as printed, e.g. DEMO-2026-000001.</summary>
    public string Label => $"{Series}-{Number:D6}";
}

/// <summary>A group of waiting reasons (<see cref="WaitReasons.GroupOf"/>): how many accounts gave it, and how many times in all.</summary>
public sealed record DemoWaitGroup(string Reason, int Accounts, int Occurrences);

/// <summary>An account still waiting (or failed) when the job ended, with its reasons.</summary>
public sealed record DemoOpenAccount(string AccountId, string State, IReadOnlyList<string> Reasons);

/// <summary>What the demo job did, as its summary prints it.</summary>
/// <param name="RunId">The bill run.</param>
/// <param name="Completed">The bill run completed within the time limit.</param>
/// <param name="Invoices">Every invoice of the run's settled accounts, by number.</param>
/// <param name="TotalExcludingVat">The sum of <paramref name="Invoices"/> excl. VAT (DKK).</param>
/// <param name="AccountsThatWaited">The accounts seen waiting at least once (settled since or not).</param>
/// <param name="WaitedFor">What they waited for, grouped, most accounts first.</param>
/// <param name="ReRequests">RSM-015 re-requests on the outbox by state (Waiting, Sent, Answered, Rejected, ...).</param>
/// <param name="StillOpen">Accounts waiting or failed at the end.</param>
/// <param name="Urls">Where to look: dashboard, the run and an invoice in the API.</param>
public sealed record DemoReport(
    string RunId,
    YearMonth Month,
    int MeteringPoints,
    DemoIntakeCounts Intake,
    DemoSetupCounts Setup,
    bool Completed,
    int Accounts,
    int Settled,
    int Waiting,
    int Failed,
    int NotDue,
    IReadOnlyList<DemoInvoice> Invoices,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    IReadOnlyList<string> AccountsThatWaited,
    IReadOnlyList<DemoWaitGroup> WaitedFor,
    IReadOnlyDictionary<string, int> ReRequests,
    IReadOnlyList<DemoOpenAccount> StillOpen,
    TimeSpan Elapsed,
    IReadOnlyList<string> Urls);
