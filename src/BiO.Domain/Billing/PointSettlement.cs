using BiO.Domain.Accounts;
using BiO.Domain.Invoicing;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Readiness;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Billing;

/// <summary>The versions one price element was settled on: the newest meter data and price received among its lines.</summary>
public sealed record ElementBasis(string ElementId, Instant? MeterData, Instant? Prices);

/// <summary>
/// A metering point's settlement for one paying account and billing period: the readiness of each contract part the
/// account pays for and, when every part is ready, the invoice lines. <see cref="MissingMeterData"/> is what to
/// re-request from DataHub (whole local days).
/// </summary>
public sealed record PointSettlement(IReadOnlyList<ReadinessReport> Reports, IReadOnlyList<AccountInvoiceLine> Lines, IReadOnlyList<Interval> MissingMeterData)
{
    /// <summary>The element id of spot energy (the point's price area's day-ahead prices) on invoice lines.</summary>
    public const string SpotElementId = "spot";

    /// <summary>No contract part of the point is paid by the account in the period.</summary>
    public bool IsDue => Reports.Count > 0;

    public bool IsReady => IsDue && Reports.All(r => r.IsReady);

    /// <summary>What is missing, each said once.</summary>
    public IReadOnlyList<string> Reasons => Reports.SelectMany(r => r.Texts).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Which data and price versions the settlement used: per price element, the newest of each among its lines.</summary>
    public IReadOnlyList<ElementBasis> Basis() =>
        Reports.SelectMany(r => r.Settlements).SelectMany(s => s.Elements)
            .GroupBy(e => e.ElementId, StringComparer.Ordinal)
            .Select(g => new ElementBasis(g.Key, g.Max(e => e.LatestDataVersion), g.Max(e => e.LatestPriceVersion)))
            .ToList();

    /// <summary>
    /// Rates each contract part with the elements of its product: the linked charges in force, spot energy of the point's
    /// price area, the product's markup and subscription. Lines are made only when every part is ready.
    /// </summary>
    /// <exception cref="ArgumentException">A contract's product has no price list, or a part is of another point.</exception>
    public static PointSettlement Settle(PointSettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reports = new List<(ContractCoverage Coverage, ReadinessReport Report)>();
        foreach (var coverage in input.Coverages)
        {
            if (coverage.Contract.MeteringPoint != input.Gsrn)
            {
                throw new ArgumentException($"Contract {coverage.Contract} is not on metering point {input.Gsrn}.", nameof(input));
            }

            var elements = Elements(input, coverage.Contract);
            var readiness = new ReadinessInput(input.Gsrn, input.Period, input.Supply, input.MasterData,
                new ContractedPeriods([coverage.Utc], hasPayer: true), input.Usage, elements);
            reports.Add((coverage, ReadinessCheck.Assess(readiness)));
        }

        var missing = IntervalUnion(reports.SelectMany(r => ReadinessCheck.MeterDataRequestPeriods(r.Report)));
        if (reports.Count == 0 || reports.Any(r => !r.Report.IsReady))
        {
            return new PointSettlement(reports.Select(r => r.Report).ToList(), [], missing);
        }

        var lines = reports
            .SelectMany(r => r.Report.Settlements.SelectMany(s => AccountInvoiceLine.FromDraft(r.Coverage, InvoiceDraft.From(s, input.Vat))))
            .ToList();
        return new PointSettlement(reports.Select(r => r.Report).ToList(), lines, missing);
    }

    private static List<PriceElement> Elements(PointSettlementInput input, Contract contract)
    {
        if (!input.PriceLists.TryGetValue(contract.ProductCode, out var known))
        {
            throw new ArgumentException($"Contract {contract} of account {contract.AccountId}: product {contract.ProductCode} has no supplier price list.", nameof(input));
        }

        var elements = new List<PriceElement>();
        foreach (var link in input.Links.InForce(input.Period.Utc))
        {
            var charge = input.Charges.TryGetValue(link.Charge, out var c)
                ? c
                : new KnownCharge(new Charge(link.Charge, DefaultResolution(link.Charge.Type), false), new PriceTable([]));
            elements.Add(new ChargeElement(charge.Charge, link, charge.Prices));
        }

        // Spot energy of the point's price area (as of the period's end); without any master data readiness says so.
        if ((input.Spot ?? NoSpotPrices(input)) is { } spot)
        {
            elements.Add(new SpotElement(SpotElementId, spot, spot.Prices.AsKnownAt(input.KnownAt)));
        }

        var prices = contract.PricesFrom(known.PriceList);
        elements.Add(new SupplierMarkupElement("markup", prices, known.Version));
        elements.Add(new SupplierSubscriptionElement("subscription", prices, known.Version));
        return elements;
    }

    private static SpotPrices? NoSpotPrices(PointSettlementInput input) =>
        input.MasterData.At(input.Period.Utc.End - Duration.Epsilon) is { } master && Enum.TryParse<PriceArea>(master.PriceArea, out var area)
            ? new SpotPrices(area, Resolution.QuarterHour, new PriceHistory([]))
            : null;

    // A charge whose definition never arrived is rated at DataHub's usual resolution of its type, and has no prices.
    private static Resolution DefaultResolution(ChargeType type) => type == ChargeType.Tariff ? Resolution.Hour : Resolution.Month;

    private static List<Interval> IntervalUnion(IEnumerable<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && merged[^1].End >= interval.Start)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, interval.End > last.End ? interval.End : last.End);
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
