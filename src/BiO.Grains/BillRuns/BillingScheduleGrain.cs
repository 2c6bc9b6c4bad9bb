using BiO.Domain.BillRuns;
using NodaTime;

namespace BiO.Grains.BillRuns;

/// <summary>The persisted state of the billing schedule. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.BillingScheduleState")]
public sealed class BillingScheduleState
{
    [Id(0)] public int DayOfMonth { get; set; }

    [Id(1)] public LocalTime At { get; set; }

    /// <summary>The months whose scheduled run was started.</summary>
    [Id(2)] public SortedSet<YearMonth> Started { get; set; } = [];
}

/// <summary>Monthly bill runs on a schedule; the domain says which month is due.</summary>
public sealed class BillingScheduleGrain(
    [PersistentState("billingSchedule", StorageNames.Grains)] IPersistentState<BillingScheduleState> state,
    IClock clock)
    : Grain, IBillingScheduleGrain, IRemindable
{
    private const string Reminder = "billing-schedule";

    async Task IBillingScheduleGrain.EnsureAsync(int dayOfMonth, LocalTime at)
    {
        _ = new BillingSchedule(dayOfMonth, at); // the domain's checks
        if (state.State.DayOfMonth != dayOfMonth || state.State.At != at)
        {
            (state.State.DayOfMonth, state.State.At) = (dayOfMonth, at);
            await state.WriteStateAsync();
        }

        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
    }

    async Task<string?> IBillingScheduleGrain.TickAsync(Instant now)
    {
        if (state.State.DayOfMonth == 0)
        {
            return null;
        }

        var due = new BillingSchedule(state.State.DayOfMonth, state.State.At).DueMonth(now);
        if (state.State.Started.Contains(due))
        {
            return null;
        }

        var runId = $"scheduled-{due:uuuu-MM}";
        await GrainFactory.GetGrain<IBillRunGrain>(runId).StartAsync(due);
        state.State.Started.Add(due);
        await state.WriteStateAsync();
        return runId;
    }

    Task IRemindable.ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) =>
        ((IBillingScheduleGrain)this).TickAsync(clock.GetCurrentInstant());
}
