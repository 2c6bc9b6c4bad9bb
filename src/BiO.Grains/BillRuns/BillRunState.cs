using BiO.Domain.BillRuns;
using NodaTime;

namespace BiO.Grains.BillRuns;

/// <summary>The persisted state of a bill run. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.BillRunState")]
public sealed class BillRunState
{
    [Id(0)] public YearMonth? Month { get; set; }

    [Id(1)] public Instant StartedAt { get; set; }

    [Id(2)] public Instant? CompletedAt { get; set; }

    [Id(3)] public Dictionary<string, BillRunAccountState> Accounts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One account of a bill run as persisted.</summary>
[GenerateSerializer, Alias("BiO.BillRunAccountState")]
public sealed class BillRunAccountState
{
    [Id(0)] public AccountState State { get; set; } = AccountState.Pending;

    [Id(1)] public List<string> Reasons { get; set; } = [];

    [Id(2)] public string? InvoiceNumber { get; set; }

    [Id(3)] public decimal? Total { get; set; }

    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public Instant LastAttemptAt { get; set; }
}

/// <summary>How bill runs go (configuration section BiO:BillRuns).</summary>
public sealed class BillRunOptions
{
    /// <summary>Accounts settled at once by one run (bounded fan-out).</summary>
    public int MaxConcurrentAccounts { get; set; } = 64;

    /// <summary>How long a waiting account rests before it is tried again.</summary>
    public TimeSpan RetryWaitingAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a run with nothing to do looks again.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often progress is persisted while accounts are being settled.</summary>
    public TimeSpan PersistEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Start each month's bill run on a schedule (off by default: runs are then started through the gateway).</summary>
    public bool ScheduleEnabled { get; set; }

    /// <summary>The day of the following month the scheduled run starts (1..28).</summary>
    public int ScheduleDayOfMonth { get; set; } = 5;

    /// <summary>The local (Europe/Copenhagen) time of day the scheduled run starts.</summary>
    public TimeSpan ScheduleAt { get; set; } = TimeSpan.FromHours(6);
}
