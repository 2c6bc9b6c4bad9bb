using NodaTime;

namespace BiO.Market.Cim;

/// <summary>A series' <c>timeInterval</c> (start, end) as a reader meets it; the series' own rule is checked by its fields.</summary>
internal sealed class CimTimeInterval
{
    public static readonly string[] Names = ["start", "end"];

    private Instant? start;
    private Instant? end;
    private bool complete;

    public void Set(string name, string raw, ReadContext context)
    {
        var instant = CimTime.TryParse(raw, out var parsed, out var error) ? parsed : throw context.Error(error);
        if (name == "start")
        {
            start = instant;
        }
        else
        {
            end = instant;
        }
    }

    /// <summary>The interval once read, both ends present; the context is at <c>timeInterval</c>.</summary>
    public (Instant From, Instant To) Complete(ReadContext context)
    {
        var from = start ?? throw context.Missing("start");
        var to = end ?? throw context.Missing("end");
        complete = true;
        return (from, to);
    }

    /// <summary>The interval, or an error naming <paramref name="missing"/> when the series had none.</summary>
    public Interval Value(ReadContext context, string missing) =>
        complete ? new Interval(start!.Value, end!.Value) : throw context.Missing(missing);

    public void Reset()
    {
        start = end = null;
        complete = false;
    }
}
