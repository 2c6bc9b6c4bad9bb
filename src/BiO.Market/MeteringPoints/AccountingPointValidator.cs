using BiO.Market.Documents;

namespace BiO.Market.MeteringPoints;

/// <summary>
/// The known codes and rules of metering point master data (E07), separate from reading. Returns every problem,
/// not the first.
/// <list type="bullet">
/// <item>type E17, E18, E20 or D01..D99; settlement method E01, E02 or D01; metering method D01, D02 or D03;
/// connection state D02, D03, E22 or E23; the grid area 3 digits;</item>
/// <item>a consumption point (E17) has a settlement method;</item>
/// <item>validity start and supply start at local midnight (Europe/Copenhagen);</item>
/// <item>a point is not its own parent, child or linked point; a child point (D..) has a parent, and children are D types.</item>
/// </list>
/// </summary>
public static class AccountingPointValidator
{
    public static IReadOnlyList<DocumentProblem> Validate(AccountingPointCharacteristics document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<DocumentProblem>();
        for (var r = 0; r < document.Records.Count; r++)
        {
            var record = document.Records[r];
            var point = record.MeteringPoint;
            void Add(string field, string message) =>
                problems.Add(new DocumentProblem(document.Header.DocumentId, record.RecordId, $"MktActivityRecord[{r}].{field}", message));

            const string Mp = "MarketEvaluationPoint";
            if (!Positions.AtLocalMidnight(record.ValidFrom))
            {
                Add("validityStart_DateAndOrTime.dateTime", $"The validity start {Cim.CimTime.ToMinutes(record.ValidFrom)} is not at local midnight (Europe/Copenhagen).");
            }

            if (point.Type is null)
            {
                Add($"{Mp}.type", $"Metering point {point.Gsrn} has no type; expected E17, E18, E20 or D01..D99.");
            }
            else if (!MeteringPointCodes.IsType(point.Type))
            {
                Add($"{Mp}.type", $"Unknown metering point type '{point.Type}'; expected E17, E18, E20 or D01..D99.");
            }

            if (point.SettlementMethod is { } settlement && MeteringPointCodes.Settlement(settlement) is null)
            {
                Add($"{Mp}.settlementMethod", $"Unknown settlement method '{settlement}'; expected E01 (profiled), E02 (non-profiled) or D01 (flex).");
            }
            else if (point.SettlementMethod is null && point.Type == "E17")
            {
                Add($"{Mp}.settlementMethod", $"Consumption point {point.Gsrn} has no settlement method; expected E01, E02 or D01.");
            }

            if (point.MeteringMethod is { } metering && metering is not ("D01" or "D02" or "D03"))
            {
                Add($"{Mp}.meteringMethod", $"Unknown metering method '{metering}'; expected D01 (physical), D02 (virtual) or D03 (calculated).");
            }

            if (point.ConnectionState is { } state && state is not ("D02" or "D03" or "E22" or "E23"))
            {
                Add($"{Mp}.connectionState", $"Unknown connection state '{state}'; expected D03 (new), E22 (connected), E23 (disconnected) or D02 (closed down).");
            }

            if (point.GridArea is { } area && !MeteringPointCodes.IsGridArea(area))
            {
                Add($"{Mp}.meteringGridArea_Domain.mRID", $"Grid area '{area}' is not 3 digits.");
            }

            if (point.SupplyStart is { } start && !Positions.AtLocalMidnight(start))
            {
                Add($"{Mp}.supplyStart_DateAndOrTime.dateTime", $"The supply start {Cim.CimTime.ToMinutes(start)} is not at local midnight (Europe/Copenhagen).");
            }

            if (point.Parent == point.Gsrn)
            {
                Add($"{Mp}.Parent_MarketEvaluationPoint.mRID", $"Metering point {point.Gsrn} is given as its own parent.");
            }
            else if (point.Parent is null && point.Type is ['D', _, _] && MeteringPointCodes.IsType(point.Type))
            {
                Add($"{Mp}.Parent_MarketEvaluationPoint", $"Child point {point.Gsrn} of type {point.Type} has no parent.");
            }

            if (point.LinkedPoint == point.Gsrn)
            {
                Add($"{Mp}.linked_MarketEvaluationPoint.mRID", $"Metering point {point.Gsrn} is linked to itself.");
            }

            for (var c = 0; c < point.Children.Count; c++)
            {
                var child = point.Children[c];
                if (child.Gsrn == point.Gsrn)
                {
                    Add($"{Mp}.Child_MarketEvaluationPoint[{c}].mRID", $"Metering point {point.Gsrn} is given as its own child.");
                }

                if (child.Type is { } type && !(type is ['D', _, _] && MeteringPointCodes.IsType(type)))
                {
                    Add($"{Mp}.Child_MarketEvaluationPoint[{c}].description", $"Child point {child.Gsrn} has type '{type}'; a child's type is D01..D99.");
                }
            }
        }

        return problems;
    }
}
