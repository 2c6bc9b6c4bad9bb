using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Requests;

/// <summary>
/// RSM-015 RequestValidatedMeasureData_MarketDocument (type E73): a supplier (DDQ) asks DataHub (DGL) for the
/// validated meter data of metering points and periods. DataHub answers with RSM-012 (process E30) or with
/// <see cref="RejectRequestValidatedMeasureData"/>. Made by <see cref="Create"/>, which enforces DataHub's rules;
/// the readers build it as read.
/// </summary>
public sealed record RequestValidatedMeasureData
{
    public const string DocumentType = "E73";

    /// <summary>DataHub keeps meter data for 3 years: a request reaches no further back.</summary>
    public const int YearsBack = 3;

    internal RequestValidatedMeasureData(MarketDocumentHeader header, ValueList<MeasureDataRequestSeries> series)
    {
        Header = header;
        Series = series;
    }

    public MarketDocumentHeader Header { get; }

    public ValueList<MeasureDataRequestSeries> Series { get; }

    /// <summary>
    /// A request from <paramref name="supplier"/> (role DDQ) to DataHub (GLN 5790001330552, role DGL), created at
    /// <paramref name="now"/>. Process E23, as in DataHub's own RSM-015 examples.
    /// </summary>
    /// <exception cref="ArgumentException">No series; an empty id; a period that does not start and end at local
    /// midnight in Europe/Copenhagen (e.g. 22:00Z in summer, 23:00Z in winter), that is empty, that starts more than
    /// 3 years before the local day of <paramref name="now"/>, or that ends after the end of that day. The message
    /// names the series and the rule.</exception>
    public static RequestValidatedMeasureData Create(
        string documentId, Gln supplier, IReadOnlyList<MeasureDataRequestSeries> series, Instant now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("A request asks for at least one metering point and period.", nameof(series));
        }

        var today = BillingTime.DayOf(now);
        var earliest = today.PlusYears(-YearsBack);
        foreach (var item in series)
        {
            Check(item, earliest, today);
        }

        var header = new MarketDocumentHeader(documentId, DocumentType, ProcessType.PeriodicMetering, "23",
            new MarketParticipant(supplier, "DDQ"), new MarketParticipant(Gln.DataHub, "DGL"),
            Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        return new RequestValidatedMeasureData(header, ValueList<MeasureDataRequestSeries>.Of(series));
    }

    private static void Check(MeasureDataRequestSeries item, LocalDate earliest, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = $"Series {item.TransactionId} ({item.MeteringPoint})";
        if (string.IsNullOrWhiteSpace(item.TransactionId))
        {
            throw new ArgumentException($"{name}: a transaction id (series mRID) is required.", nameof(item));
        }

        var (start, end) = (item.Period.Start, item.Period.End);
        var startDay = LocalMidnight(start, name, "start");
        var endDay = LocalMidnight(end, name, "end");
        if (endDay <= startDay)
        {
            throw new ArgumentException($"{name}: the period {Format(start)}..{Format(end)} is empty.", nameof(item));
        }

        if (startDay < earliest)
        {
            throw new ArgumentException(
                $"{name}: the period starts on {startDay:uuuu-MM-dd}, more than {YearsBack} years back (the earliest day is {earliest:uuuu-MM-dd}).",
                nameof(item));
        }

        if (endDay > today.PlusDays(1))
        {
            throw new ArgumentException(
                $"{name}: the period ends on {endDay:uuuu-MM-dd}, after today ({today:uuuu-MM-dd}); DataHub has no meter data for the future.",
                nameof(item));
        }
    }

    private static LocalDate LocalMidnight(Instant instant, string name, string which)
    {
        var day = BillingTime.DayOf(instant);
        if (BillingTime.Zone.AtStartOfDay(day).ToInstant() != instant)
        {
            var local = instant.InZone(BillingTime.Zone);
            throw new ArgumentException(
                $"{name}: the {which} {Format(instant)} is {local.LocalDateTime:uuuu-MM-dd HH:mm} in Europe/Copenhagen, not local midnight " +
                $"(midnight of {day:uuuu-MM-dd} is {Format(BillingTime.Zone.AtStartOfDay(day).ToInstant())}).",
                which);
        }

        return day;
    }

    private static string Format(Instant instant) => Cim.CimTime.ToMinutes(instant);
}
