using System.Globalization;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Charges;

/// <summary>
/// The business rules of a price list (D12), separate from reading; DataHub's rule numbers (VR.nnn, charges/docs)
/// are named in the messages. Returns every problem, not the first.
/// <list type="bullet">
/// <item>a charge code has at most 10 characters (VR.441; legacy codes are longer and read, this says so); a name at most 132 (VR.446);</item>
/// <item>effective and termination dates are at local midnight (Europe/Copenhagen), the termination after the effective date;</item>
/// <item>charge information (D18) has a name, description, resolution, VAT classification, transparent invoicing and tax indicator (VR.910-916, 488);</item>
/// <item>a tariff has resolution P1D, PT1H or PT15M, a subscription or fee P1M (VR.505); a series has the charge's resolution (VR.925);</item>
/// <item>a fee is not invoiced transparently (VR.904); only a tariff can be a tax (VR.920, 921);</item>
/// <item>prices (D08) come in at least one series (VR.926), starting and ending at local midnight (VR.919); monthly series on the 1st (VR.923);</item>
/// <item>a tariff has a price for every position of its period: 1, 24 or 96 a day (23/25 and 92/100 on DST days) (VR.507, 909);
/// no position twice or outside the period; prices are below 1,000,000 (VR.509).</item>
/// </list>
/// </summary>
public static class PriceListValidator
{
    public const int MaxCodeLength = 10;
    public const int MaxNameLength = 132;
    private const decimal MaxPrice = 1_000_000m;

    public static IReadOnlyList<DocumentProblem> Validate(NotifyPriceList document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<DocumentProblem>();
        for (var r = 0; r < document.Records.Count; r++)
        {
            var record = document.Records[r];
            for (var c = 0; c < record.Charges.Count; c++)
            {
                var place = $"MktActivityRecord[{r}].ChargeGroup.ChargeType[{c}]";
                Validate(document.Header, record.Charges[c], place, (where, message) =>
                    problems.Add(new DocumentProblem(document.Header.DocumentId, record.RecordId, where, message)));
            }
        }

        return problems;
    }

    private static void Validate(MarketDocumentHeader header, ChargeInformation charge, string place, Action<string, string> add)
    {
        if (charge.Code.Length > MaxCodeLength)
        {
            add($"{place}.mRID", $"Charge code '{charge.Code}' has {charge.Code.Length} characters; at most {MaxCodeLength} are allowed (VR.441).");
        }

        if (charge.Name is { Length: > MaxNameLength } name)
        {
            add($"{place}.name", $"The name has {name.Length} characters; at most {MaxNameLength} are allowed (VR.446).");
        }

        if (!Positions.AtLocalMidnight(charge.EffectiveDate))
        {
            add($"{place}.effectiveDate", $"The effective date {Cim.CimTime.ToMinutes(charge.EffectiveDate)} is not at local midnight (Europe/Copenhagen).");
        }

        if (charge.TerminationDate is { } end)
        {
            if (!Positions.AtLocalMidnight(end))
            {
                add($"{place}.terminationDate", $"The termination date {Cim.CimTime.ToMinutes(end)} is not at local midnight (Europe/Copenhagen).");
            }

            if (end < charge.EffectiveDate)
            {
                add($"{place}.terminationDate", $"The termination date {Cim.CimTime.ToMinutes(end)} is before the effective date {Cim.CimTime.ToMinutes(charge.EffectiveDate)}.");
            }
        }

        if (header.Process == ProcessType.ChargeInformation)
        {
            Mandatory(charge.Name, "name", "VR.910");
            Mandatory(charge.Description, "description", "VR.911");
            Mandatory(charge.Resolution, "priceTimeFrame_Period.resolution", "VR.912");
            Mandatory(charge.VatClassification, "VATPayer", "VR.488");
            Mandatory(charge.TransparentInvoicing, "transparentInvoicing", "VR.915");
            Mandatory(charge.TaxIndicator, "taxIndicator", "VR.916");
        }

        if (charge.Resolution is { } resolution && !Fits(charge.Type, resolution))
        {
            add($"{place}.priceTimeFrame_Period.resolution", ResolutionMessage(charge.Type, resolution));
        }

        if (charge.Type == ChargeType.Fee && charge.TransparentInvoicing == true)
        {
            add($"{place}.transparentInvoicing", "A fee (D02) is never invoiced transparently (VR.904).");
        }

        if (charge.Type != ChargeType.Tariff && charge.TaxIndicator == true)
        {
            add($"{place}.taxIndicator", $"Only a tariff can be a tax; a {Describe(charge.Type)} has tax indicator false (VR.920, VR.921).");
        }

        if (header.Process == ProcessType.ChargePrices && charge.PriceSeries.Count == 0)
        {
            add(place, "A prices document (D08) carries at least one Series_Period (VR.926).");
        }

        for (var s = 0; s < charge.PriceSeries.Count; s++)
        {
            ValidateSeries(charge, charge.PriceSeries[s], $"{place}.Series_Period[{s}]", add);
        }

        void Mandatory<T>(T? value, string field, string rule)
        {
            if (value is null)
            {
                add(place, $"'{field}' is required in charge information (D18) ({rule}).");
            }
        }
    }

    private static void ValidateSeries(ChargeInformation charge, PriceSeries series, string place, Action<string, string> add)
    {
        if (!Fits(charge.Type, series.Resolution))
        {
            add($"{place}.resolution", ResolutionMessage(charge.Type, series.Resolution));
        }
        else if (charge.Resolution is { } expected && expected != series.Resolution)
        {
            add($"{place}.resolution", $"The series has resolution {series.Resolution}, the charge {expected} (VR.925).");
        }

        var interval = series.TimeInterval;
        var monthly = series.Resolution == Resolution.Month;
        var startOk = monthly ? Positions.AtFirstOfMonth(interval.Start) : Positions.AtLocalMidnight(interval.Start);
        var endOk = monthly ? Positions.AtFirstOfMonth(interval.End) || interval.End == charge.TerminationDate : Positions.AtLocalMidnight(interval.End);
        if (interval.Duration <= Duration.Zero)
        {
            add($"{place}.timeInterval", $"The interval {Positions.Describe(interval)} is empty.");
        }
        else if (!startOk || !endOk)
        {
            add($"{place}.timeInterval", $"The interval {Positions.Describe(interval)} does not {(startOk ? "end" : "start")} at local midnight{(monthly ? " on the first of a month" : string.Empty)} (Europe/Copenhagen) (VR.919{(monthly ? ", VR.923" : string.Empty)}).");
        }

        for (var i = 0; i < series.Prices.Count; i++)
        {
            if (Math.Abs(series.Prices[i].Amount) >= MaxPrice)
            {
                add($"{place}.Point[{i}]", $"Price {series.Prices[i].Amount.ToString(CultureInfo.InvariantCulture)} is not below 1,000,000 (VR.509).");
            }
        }

        if (interval.Duration <= Duration.Zero || !startOk || !endOk || !Fits(charge.Type, series.Resolution))
        {
            return;
        }

        var count = series.Resolution.CountIn(interval);
        var positions = series.Prices.Select(p => p.Position).ToArray();
        foreach (var (index, message) in Positions.Check(positions, count, "Price", charge.Type == ChargeType.Tariff))
        {
            add(index < 0 ? place : $"{place}.Point[{index}]", index < 0 ? $"{message} A tariff has a price for every {series.Resolution} of its period (VR.507, VR.909)." : message);
        }
    }

    private static bool Fits(ChargeType type, Resolution resolution) => type == ChargeType.Tariff
        ? resolution == Resolution.Day || resolution == Resolution.Hour || resolution == Resolution.QuarterHour
        : resolution == Resolution.Month;

    private static string ResolutionMessage(ChargeType type, Resolution resolution) => type == ChargeType.Tariff
        ? $"A tariff (D03) has resolution P1D, PT1H or PT15M, not {resolution} (VR.505)."
        : $"A {Describe(type)} ({type.Code()}) has resolution P1M, not {resolution} (VR.505).";

    private static string Describe(ChargeType type) => type switch
    {
        ChargeType.Subscription => "subscription",
        ChargeType.Fee => "fee",
        _ => "tariff",
    };
}
