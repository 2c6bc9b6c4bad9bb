using System.Text.Json;
using System.Text.Json.Serialization;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using NodaTime;
using NodaTime.Text;

namespace BiO.Persistence.Outbox;

/// <summary>
/// One re-request of meter data as it sits on the outbox (kind <see cref="OutboxKinds.MeterDataRequest"/>): a metering
/// point and a period of whole local days. Its key is <c>rsm-015:{gsrn}:{start}:{end}</c> (UTC, seconds), its payload
/// a small JSON object <c>{"gsrn": ..., "start": ..., "end": ...}</c>.
/// </summary>
/// <param name="Gsrn">The metering point.</param>
/// <param name="Period">[start, end) in UTC, from a local midnight to a later local midnight (Europe/Copenhagen).</param>
public sealed record MeterDataRequest(Gsrn Gsrn, Interval Period)
{
    /// <summary>The media type of the payload.</summary>
    public const string ContentType = "application/json";

    private static readonly InstantPattern Seconds = InstantPattern.CreateWithInvariantCulture("uuuu-MM-ddTHH:mm:ss'Z'");

    /// <summary>The outbox key: at most one request per metering point and period is pending.</summary>
    public string Key => KeyPrefix(Gsrn) + $"{Seconds.Format(Period.Start)}:{Seconds.Format(Period.End)}";

    /// <summary>The start of the keys of <paramref name="gsrn"/>'s requests.</summary>
    public static string KeyPrefix(Gsrn gsrn) => $"{OutboxKinds.MeterDataRequest}:{gsrn.Value}:";

    /// <summary>A request for <paramref name="period"/> of <paramref name="gsrn"/>, checked.</summary>
    /// <exception cref="ArgumentException">The GSRN is not 18 digits, or the period is not whole local days; the message says which and why.</exception>
    public static MeterDataRequest Of(string gsrn, Interval period)
    {
        if (!Gsrn.TryParse(gsrn, out var point, out var error))
        {
            throw new ArgumentException(error, nameof(gsrn));
        }

        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException($"A meter data request for {point} needs a bounded period, got {period}.", nameof(period));
        }

        var startDay = LocalMidnight(point, period.Start, "start");
        var endDay = LocalMidnight(point, period.End, "end");
        if (endDay <= startDay)
        {
            throw new ArgumentException($"A meter data request for {point}: the period {period} is empty.", nameof(period));
        }

        return new MeterDataRequest(point, period);
    }

    /// <summary>The payload as stored on the outbox.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Payload(Gsrn.Value, Seconds.Format(Period.Start), Seconds.Format(Period.End)));

    /// <summary>Reads a payload written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Not such a payload.</exception>
    public static MeterDataRequest FromJson(string json)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a meter data request payload: {ex.Message}", ex);
        }

        if (payload?.Gsrn is null || payload.Start is null || payload.End is null)
        {
            throw new FormatException($"A meter data request payload has gsrn, start and end; got {json}.");
        }

        var start = Seconds.Parse(payload.Start);
        var end = Seconds.Parse(payload.End);
        if (!start.Success || !end.Success)
        {
            throw new FormatException($"A meter data request payload has start and end as uuuu-MM-ddTHH:mm:ssZ; got {json}.");
        }

        try
        {
            return Of(payload.Gsrn, new Interval(start.Value, end.Value));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>The message to put on the outbox.</summary>
    public OutgoingMessage ToMessage() => new(OutboxKinds.MeterDataRequest, Key, ToJson(), ContentType);

    private static LocalDate LocalMidnight(Gsrn gsrn, Instant instant, string which)
    {
        var day = BillingTime.DayOf(instant);
        var midnight = BillingTime.Zone.AtStartOfDay(day).ToInstant();
        if (midnight != instant)
        {
            throw new ArgumentException(
                $"A meter data request for {gsrn} asks for whole local days (Europe/Copenhagen midnight to midnight): the {which} " +
                $"{Seconds.Format(instant)} is {instant.InZone(BillingTime.Zone).LocalDateTime:uuuu-MM-dd HH:mm} local time " +
                $"(midnight of {day:uuuu-MM-dd} is {Seconds.Format(midnight)}).",
                which);
        }

        return day;
    }

    private sealed record Payload(
        [property: JsonPropertyName("gsrn")] string? Gsrn,
        [property: JsonPropertyName("start")] string? Start,
        [property: JsonPropertyName("end")] string? End);
}
