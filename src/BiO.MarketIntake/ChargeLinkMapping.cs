using BiO.Domain.Prices;
using BiO.Grains.MeteringPoints;
using BiO.Market.Charges;

namespace BiO.MarketIntake;

/// <summary>From a read and validated NotifyBillingMasterData (D07) to one message per metering point.</summary>
public static class ChargeLinkMapping
{
    public static IReadOnlyList<ChargeLinksReceived> ToMeteringPoints(NotifyBillingMasterData document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Records
            .GroupBy(r => r.MeteringPoint.Value, StringComparer.Ordinal)
            .Select(point => new ChargeLinksReceived(
                document.Header.DocumentId,
                point.Key,
                point.SelectMany(r => r.Links)
                    .Select(l => new ChargeLinkNotice(l.Owner.Value, l.Type.Code(), l.Code, l.Factor, l.EffectiveDate, l.TerminationDate))
                    .ToList()))
            .ToList();
    }
}
