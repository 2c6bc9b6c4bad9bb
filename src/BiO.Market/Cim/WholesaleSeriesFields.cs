using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Market.Documents;
using BiO.Market.Wholesale;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>
/// The fields of one RSM-019 series as a reader meets them (in any order), each parsed where it stands; <see cref="Build"/>
/// checks the required ones and resets. The settlement version is resolved per document by <see cref="Resolve"/>, once
/// the document's process is known (a JSON header may follow its series).
/// </summary>
internal sealed class WholesaleSeriesFields
{
    public static readonly string[] Names =
    [
        "mRID", "settlement_Series.version", "marketEvaluationPoint.type", "marketEvaluationPoint.settlementMethod",
        "chargeType.mRID", "chargeType.type", "chargeType.chargeTypeOwner_MarketParticipant.mRID",
        "meteringGridArea_Domain.mRID", "energySupplier_MarketParticipant.mRID",
        "quantity_Measure_Unit.name", "price_Measure_Unit.name", "currency_Unit.name",
    ];

    public static readonly string[] PeriodNames = ["resolution"];
    public static readonly string[] IntervalNames = CimTimeInterval.Names;
    public static readonly string[] PointNames = ["position", "energy_Quantity.quantity", "price.amount", "energySum_Quantity.quantity", "quality"];

    private const int AmountDecimals = 6;

    private readonly List<WholesalePoint> points = new(24);
    private string? versionCode;
    private string? meteringPointType;
    private string? settlementMethod;
    private string? chargeCode;
    private ChargeType? chargeType;
    private Gln? chargeOwner;
    private string? gridArea;
    private Gln? supplier;
    private string? quantityUnit;
    private string? priceUnit;
    private string? currency;
    private bool hasPeriod;
    private Resolution? resolution;
    private readonly CimTimeInterval interval = new();
    private int? position;
    private decimal? quantity;
    private decimal? price;
    private decimal? amount;
    private Quality? quality;

    /// <summary>Starts a series: the context is at <c>Series[i]</c>.</summary>
    public static void Begin(ReadContext context) => context.SeriesId = null;

    /// <summary>Parses series field <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        switch (name)
        {
            case "mRID":
                context.SeriesId = HeaderFields.Required(raw, context);
                break;
            case "settlement_Series.version":
                versionCode = SettlementVersions.CorrectionFromCode(raw) is not null
                    ? raw
                    : throw context.Error($"Unknown settlement version '{raw}'; expected D01, D02 or D03.");
                break;
            case "marketEvaluationPoint.type":
                meteringPointType = HeaderFields.Required(raw, context);
                break;
            case "marketEvaluationPoint.settlementMethod":
                settlementMethod = HeaderFields.Required(raw, context);
                break;
            case "chargeType.mRID":
                chargeCode = raw.Length is > 0 and <= 10 && !string.IsNullOrWhiteSpace(raw)
                    ? raw
                    : throw context.Error($"A charge code has 1 to 10 characters, got '{raw}'.");
                break;
            case "chargeType.type":
                chargeType = ChargeValues.TryChargeType(raw, out var type, out var typeError) ? type : throw context.Error(typeError);
                break;
            case "chargeType.chargeTypeOwner_MarketParticipant.mRID":
                chargeOwner = Gln.TryParse(raw, out var owner, out var ownerError) ? owner : throw context.Error(ownerError);
                break;
            case "meteringGridArea_Domain.mRID":
                gridArea = raw.Length == 3 && raw.All(char.IsAsciiDigit)
                    ? raw
                    : throw context.Error($"A grid area has 3 digits, got '{raw}'.");
                break;
            case "energySupplier_MarketParticipant.mRID":
                supplier = Gln.TryParse(raw, out var gln, out var glnError) ? gln : throw context.Error(glnError);
                break;
            case "quantity_Measure_Unit.name":
                quantityUnit = HeaderFields.Required(raw, context);
                break;
            case "price_Measure_Unit.name":
                priceUnit = HeaderFields.Required(raw, context);
                break;
            case "currency_Unit.name":
                currency = raw == "DKK" ? raw : throw context.Error($"Currency '{raw}' is not DKK.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a series field.");
        }
    }

    /// <summary>The series has a <c>Period</c> (its content follows).</summary>
    public void MarkPeriod() => hasPeriod = true;

    public void SetResolution(string raw, ReadContext context) =>
        resolution = ChargeValues.TryResolution(raw, out var parsed, out var error) ? parsed : throw context.Error(error);

    public void SetInterval(string name, string raw, ReadContext context) => interval.Set(name, raw, context);

    /// <summary>Checks the interval once read: it must be whole local days. The context is at <c>timeInterval</c>.</summary>
    public void CheckTimeInterval(ReadContext context)
    {
        var (from, to) = interval.Complete(context);
        if (to <= from)
        {
            throw context.Error($"The interval ends at {CimTime.ToMinutes(to)}, not after it starts at {CimTime.ToMinutes(from)}.");
        }

        try
        {
            BillingPeriod.FromUtc(new Interval(from, to));
        }
        catch (ArgumentException)
        {
            throw context.Error($"The interval {CimTime.ToMinutes(from)}..{CimTime.ToMinutes(to)} does not start and end at local midnight (Europe/Copenhagen).");
        }
    }

    public void SetPoint(string name, string raw, ReadContext context)
    {
        switch (name)
        {
            case "position":
                position = ChargeValues.TryWhole(raw, "Position", out var value, out var positionError) && value >= 1
                    ? value
                    : throw context.Error(positionError ?? $"Position {value} is not 1 or more.");
                break;
            case "energy_Quantity.quantity":
                quantity = CimValues.TryQuantity(raw, out var parsed, out var quantityError) ? parsed : throw context.Error(quantityError);
                break;
            case "price.amount":
                price = ChargeValues.TryPrice(raw, out var unitPrice, out var priceError) ? unitPrice : throw context.Error(priceError);
                break;
            case "energySum_Quantity.quantity":
                amount = TryAmount(raw, out var sum, out var amountError) ? sum : throw context.Error(amountError);
                break;
            default:
                quality = CimValues.TryQuality(raw, out var known, out var qualityError) ? known : throw context.Error(qualityError);
                break;
        }
    }

    /// <summary>Ends a point; the context is at <c>Point[i]</c>.</summary>
    public void EndPoint(ReadContext context)
    {
        points.Add(new WholesalePoint(position ?? throw context.Missing("position"), quantity, price, amount, quality));
        position = null;
        quantity = price = amount = null;
        quality = null;
    }

    /// <summary>The series, its version code and its place (for <see cref="Resolve"/>); the context is at <c>Series[i]</c>.</summary>
    public PendingSeries Build(ReadContext context)
    {
        var id = context.SeriesId ?? throw context.Missing("mRID");
        var charged = new[] { chargeType is not null, chargeCode is not null, chargeOwner is not null };
        if (charged.Any(c => c) && !charged.All(c => c))
        {
            throw context.Error(
                $"A series with a charge names chargeType.type, chargeType.mRID and chargeType.chargeTypeOwner_MarketParticipant.mRID; " +
                $"'{(chargeType is null ? "chargeType.type" : chargeCode is null ? "chargeType.mRID" : "chargeType.chargeTypeOwner_MarketParticipant.mRID")}' is missing.");
        }

        if (!hasPeriod)
        {
            throw context.Missing("Period");
        }

        var series = new WholesaleSeries(
            id,
            SettlementVersion.WholesaleFixing,
            gridArea ?? throw context.Missing("meteringGridArea_Domain.mRID"),
            supplier ?? throw context.Missing("energySupplier_MarketParticipant.mRID"),
            chargeType,
            chargeCode,
            chargeOwner,
            meteringPointType,
            settlementMethod,
            resolution ?? throw context.Missing("Period.resolution"),
            interval.Value(context, "Period.timeInterval"),
            quantityUnit ?? throw context.Missing("quantity_Measure_Unit.name"),
            priceUnit,
            currency,
            new ValueList<WholesalePoint>([.. points]));
        var pending = new PendingSeries(series, versionCode, context.Place);
        Reset();
        return pending;
    }

    /// <summary>
    /// The series with their settlement versions: process D05 is the wholesale fixing and takes no version; process D32
    /// needs each series' <c>settlement_Series.version</c>. The context is at the document element.
    /// </summary>
    public static ValueList<WholesaleSeries> Resolve(ProcessType process, IReadOnlyList<PendingSeries> pending, ReadContext context)
    {
        var resolved = new WholesaleSeries[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            var (series, code, place) = pending[i];
            SettlementVersion? version = process == ProcessType.WholesaleFixing
                ? code is null ? SettlementVersion.WholesaleFixing : null
                : SettlementVersions.CorrectionFromCode(code);
            resolved[i] = version is { } known
                ? series with { Version = known }
                : throw new DocumentReadException(context.DocumentName, context.DocumentId, series.SeriesId, place, process == ProcessType.WholesaleFixing
                    ? $"A wholesale fixing (D05) series has no settlement_Series.version, got '{code}'."
                    : "A correction settlement (D32) series needs settlement_Series.version D01, D02 or D03; it has none.");
        }

        return new ValueList<WholesaleSeries>(resolved);
    }

    private static bool TryAmount(string text, out decimal value, [NotNullWhen(false)] out string? error)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"Amount '{text}' is not a number.";
            return false;
        }

        error = decimal.Round(value, AmountDecimals, MidpointRounding.AwayFromZero) == value
            ? null
            : $"Amount {text} has more than {AmountDecimals} decimals.";
        return error is null;
    }

    private void Reset()
    {
        points.Clear();
        versionCode = meteringPointType = settlementMethod = chargeCode = gridArea = quantityUnit = priceUnit = currency = null;
        chargeType = null;
        chargeOwner = supplier = null;
        hasPeriod = false;
        resolution = null;
        interval.Reset();
    }
}

/// <summary>A series read, before its document's process decides its settlement version.</summary>
internal readonly record struct PendingSeries(WholesaleSeries Series, string? VersionCode, string Place);
