using System.ComponentModel;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Outbox;

namespace BiO.Gateway.Api;

/// <summary>A metering point as known at an instant: master data, charge links in force, meter data versions.</summary>
public sealed record MeteringPointResponse(
    string Gsrn,
    [property: Description("ISO instant (UTC) the view is as of.")] string At,
    [property: Description("False while no master data (E07) is known: the point is unknown to us.")] bool Known,
    MasterDataResponse? MasterData,
    IReadOnlyList<ChargeLinkResponse> ChargeLinks,
    int MeterDataVersions,
    [property: Description("Meter data versions kept until master data arrives.")] int AwaitingMasterData)
{
    public static MeteringPointResponse From(MeteringPointSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Gsrn, Iso.Instant(s.At), s.Known, s.MasterData is { } m ? MasterDataResponse.From(m) : null,
            s.ChargeLinks.Select(ChargeLinkResponse.Of).ToList(), s.MeterDataVersions, s.AwaitingMasterData);
    }
}

/// <summary>A master data version (codes as DataHub sends them).</summary>
public sealed record MasterDataResponse(string DocumentId, string Type, string? SettlementMethod, string GridArea, string PriceArea, string ValidFrom, string? Parent)
{
    public static MasterDataResponse From(MasterDataReceived m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.DocumentId, m.Type, m.SettlementMethod, m.GridArea, m.PriceArea, Iso.Instant(m.ValidFrom), m.Parent);
    }
}

/// <summary>A charge linked to the point with a factor, from an instant until an optional end.</summary>
public sealed record ChargeLinkResponse(string OwnerGln, [property: Description("D01 subscription, D02 fee, D03 tariff.")] string TypeCode, string Code, int Factor, string From, string? To)
{
    public static ChargeLinkResponse Of(ChargeLinkNotice l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.OwnerGln, l.TypeCode, l.Code, l.Factor, Iso.Instant(l.From), Iso.Instant(l.To));
    }
}

/// <summary>Our supply of a point: confirmed periods (end null while supplying), requests waiting, requests refused.</summary>
public sealed record SupplyResponse(string Gsrn, IReadOnlyList<SupplyPeriodResponse> Periods, IReadOnlyList<SupplyRequestResponse> Pending, IReadOnlyList<SupplyRejectionResponse> Rejected)
{
    public static SupplyResponse From(SupplyView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Gsrn,
            v.Periods.Select(p => new SupplyPeriodResponse(Iso.Instant(p.Start), Iso.Instant(p.End))).ToList(),
            v.Pending.Select(r => new SupplyRequestResponse(r.TransactionId, r.ProcessCode, Iso.Instant(r.Effective))).ToList(),
            v.Rejected.Select(r => new SupplyRejectionResponse(r.RequestTransactionId, r.Reasons)).ToList());
    }
}

/// <summary>A supply period [start, end), ISO instants.</summary>
public sealed record SupplyPeriodResponse(string Start, string? End);

/// <summary>A supply request (392) waiting for DataHub's answer.</summary>
public sealed record SupplyRequestResponse(string TransactionId, [property: Description("E03 change of supplier, E65 move-in, E20 end of supply.")] string ProcessCode, string Effective);

/// <summary>A supply request DataHub refused, with its reasons.</summary>
public sealed record SupplyRejectionResponse(string TransactionId, IReadOnlyList<string> Reasons);

/// <summary>The meter data of a period as known at an instant.</summary>
public sealed record MeterDataResponse(
    string Gsrn,
    string PeriodStart,
    string PeriodEnd,
    string KnownAt,
    [property: Description("Share of the period covered, 0..1.")] decimal Coverage,
    IReadOnlyList<IntervalResponse> Missing,
    [property: Description("kWh, null while any interval is missing.")] decimal? Total,
    int Versions,
    int AwaitingMasterData)
{
    public static MeterDataResponse From(MeterDataView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Gsrn, Iso.Instant(v.Period.Start), Iso.Instant(v.Period.End), Iso.Instant(v.KnownAt), v.Coverage,
            v.Missing.Select(IntervalResponse.From).ToList(), v.Total, v.Versions, v.AwaitingMasterData);
    }
}

/// <summary>A UTC interval [start, end), ISO instants.</summary>
public sealed record IntervalResponse(string Start, string End)
{
    public static IntervalResponse From(NodaTime.Interval i) => new(Iso.Instant(i.Start), Iso.Instant(i.End));
}

/// <summary>An RSM-015 re-request of missing meter data and how DataHub answered.</summary>
public sealed record MeterDataRequestResponse(
    string Gsrn,
    string PeriodStart,
    string PeriodEnd,
    [property: Description("Waiting, Sent, Answered, Rejected or Failed.")] string State,
    string CreatedAt,
    int Attempts,
    string? RejectReason,
    string? AnsweredAt)
{
    public static MeterDataRequestResponse From(MeterDataRequestView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Gsrn, Iso.Instant(r.Period.Start), Iso.Instant(r.Period.End), r.State.ToString(), Iso.Instant(r.CreatedAt), r.Attempts,
            r.RejectReason, Iso.Instant(r.AnsweredAt));
    }
}
