using NodaTime;

namespace BiO.Grains.BillRuns;

/// <summary>
/// A bill run, keyed by run id: settles every account due in a month with bounded fan-out, keeps waiting accounts
/// and retries them until they are ready, and survives a silo crash (its state is persisted and a reminder wakes it).
/// </summary>
[Alias("BiO.IBillRunGrain")]
public interface IBillRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run over all accounts; starting a started run again changes nothing.</summary>
    [Alias("Start")]
    Task<BillRunView> StartAsync(YearMonth month);

    /// <summary>Progress: counts and each account's status with its reasons or invoice number.</summary>
    [Alias("Get")]
    Task<BillRunView?> GetAsync();

    /// <summary>Progress without the accounts (a run may hold 100,000): the counts only.</summary>
    [Alias("GetProgress")]
    Task<BillRunView?> GetProgressAsync();

    /// <summary>A page of the run's accounts in one state (null: all), by account id.</summary>
    [Alias("GetAccounts")]
    Task<BillRunAccountsPage> GetAccountsAsync(string? state, int offset, int limit);
}

/// <summary>A page of a bill run's accounts and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("BiO.BillRunAccountsPage")]
public sealed record BillRunAccountsPage(
    [property: Id(0)] int Matching,
    [property: Id(1)] IReadOnlyList<BillRunAccount> Accounts);

/// <summary>A bill run's progress.</summary>
[GenerateSerializer, Immutable, Alias("BiO.BillRunView")]
public sealed record BillRunView(
    [property: Id(0)] string RunId,
    [property: Id(1)] YearMonth Month,
    [property: Id(2)] Instant StartedAt,
    [property: Id(3)] Instant? CompletedAt,
    [property: Id(4)] int Total,
    [property: Id(5)] int Pending,
    [property: Id(6)] int Waiting,
    [property: Id(7)] int Settled,
    [property: Id(8)] int Failed,
    [property: Id(9)] int NotDue,
    [property: Id(10)] IReadOnlyList<BillRunAccount> Accounts);

/// <summary>One account in a bill run.</summary>
[GenerateSerializer, Immutable, Alias("BiO.BillRunAccount")]
public sealed record BillRunAccount(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string State,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] string? InvoiceNumber,
    [property: Id(4)] decimal? Total,
    [property: Id(5)] int Attempts);

/// <summary>
/// Starts the monthly bill runs on a schedule (key <see cref="BillingScheduleKeys.Monthly"/>): a reminder looks every
/// hour whether a month has become due and starts its run ("scheduled-yyyy-MM") once.
/// </summary>
[Alias("BiO.IBillingScheduleGrain")]
public interface IBillingScheduleGrain : IGrainWithStringKey
{
    /// <summary>Keeps the schedule (day of the following month, local time) and its reminder.</summary>
    [Alias("Ensure")]
    Task EnsureAsync(int dayOfMonth, LocalTime at);

    /// <summary>Starts the run of the month due at <paramref name="now"/> unless it was started; returns its id, or null.</summary>
    [Alias("Tick")]
    Task<string?> TickAsync(Instant now);
}

/// <summary>The one monthly schedule.</summary>
public static class BillingScheduleKeys
{
    public const string Monthly = "monthly";
}
