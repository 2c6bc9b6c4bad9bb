using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.MeteringPoints;

/// <summary>The outcome of mapping one E07 record to <see cref="MasterData"/>: the master data, or why not.</summary>
public sealed record MasterDataResult(MasterData? MasterData, ValueList<DocumentProblem> Problems);

/// <summary>
/// Maps an E07 record to BiO.Domain's <see cref="MasterData"/> (type, settlement method, grid area, price area,
/// valid from, parent).
/// <para>
/// The price area: E07 carries none (DataHub's XSD has no such element). It follows from the grid area, a fact
/// that changes over time and is kept as data by the caller, handed in as <c>priceAreaOf</c> (grid area to DK1/DK2).
/// When it has no answer there is no master data: the result names the grid area and why, and the record is not
/// guessed into a price area.
/// </para>
/// </summary>
public static class MasterDataMapping
{
    public static MasterDataResult Map(string documentId, int index, AccountingPointRecord record, Func<string, string?> priceAreaOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(priceAreaOf);
        var point = record.MeteringPoint;
        var problems = new List<DocumentProblem>();
        void Add(string field, string message) =>
            problems.Add(new DocumentProblem(documentId, record.RecordId, $"MktActivityRecord[{index}].MarketEvaluationPoint.{field}", message));

        if (point.Type is not { } type || !MeteringPointCodes.IsType(type))
        {
            Add("type", $"Metering point {point.Gsrn} has type '{point.Type}'; master data needs E17, E18, E20 or D01..D99.");
        }

        SettlementMethod? settlement = null;
        if (point.SettlementMethod is { } code && (settlement = MeteringPointCodes.Settlement(code)) is null)
        {
            Add("settlementMethod", $"Unknown settlement method '{code}'; expected E01, E02 or D01.");
        }

        string? priceArea = null;
        if (point.GridArea is not { } area || !MeteringPointCodes.IsGridArea(area))
        {
            Add("meteringGridArea_Domain.mRID", $"Metering point {point.Gsrn} has grid area '{point.GridArea}'; master data needs 3 digits.");
        }
        else if ((priceArea = priceAreaOf(area)) is not ("DK1" or "DK2"))
        {
            Add("meteringGridArea_Domain.mRID",
                $"No price area is known for grid area {area} (E07 carries none; got '{priceArea}'); no master data without DK1 or DK2.");
        }

        if (point.Parent == point.Gsrn)
        {
            Add("Parent_MarketEvaluationPoint.mRID", $"Metering point {point.Gsrn} cannot be its own parent.");
        }

        if (problems.Count > 0)
        {
            return new MasterDataResult(null, ValueList<DocumentProblem>.Of(problems));
        }

        var masterData = new MasterData(point.Gsrn, point.Type!, settlement, point.GridArea!, priceArea!, record.ValidFrom, point.Parent);
        return new MasterDataResult(masterData, ValueList<DocumentProblem>.Empty);
    }
}
