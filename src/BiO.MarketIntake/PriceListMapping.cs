using BiO.Domain.Prices;
using BiO.Grains.Charges;
using BiO.Market.Charges;
using BiO.Market.Documents;
using NodaTime;
using GrainPrice = BiO.Grains.Charges.ChargePrice;

namespace BiO.MarketIntake;

/// <summary>From a read and validated NotifyPriceList (D12) to what each charge grain is told.</summary>
public static class PriceListMapping
{
    /// <summary>A charge's part of the document: its key, its definition (D18) and its prices (from their instants on).</summary>
    public sealed record ChargeUpdate(string Key, ChargeDefinition? Definition, ChargePriceSeries? Prices);

    public static IReadOnlyList<ChargeUpdate> ToChargeUpdates(NotifyPriceList document, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentId = document.Header.DocumentId;
        var defines = document.Header.Process == ProcessType.ChargeInformation;
        return document.Records
            .SelectMany(r => r.Charges)
            .Select(charge =>
            {
                var typeCode = charge.Type.Code();
                var prices = charge.PriceSeries
                    .SelectMany(series => series.Prices.Select(p => new GrainPrice(series.Resolution.IntervalAt(series.TimeInterval.Start, p.Position).Start, p.Amount)))
                    .ToList();
                return new ChargeUpdate(
                    ChargeKeys.Of(charge.Owner.Value, typeCode, charge.Code),
                    defines && charge.Resolution is { } resolution
                        ? new ChargeDefinition(documentId, charge.Owner.Value, typeCode, charge.Code, resolution.Code, charge.TaxIndicator ?? false, charge.Name ?? charge.Code)
                        : null,
                    prices.Count > 0 ? new ChargePriceSeries(documentId, receivedAt, prices) : null);
            })
            .ToList();
    }
}
