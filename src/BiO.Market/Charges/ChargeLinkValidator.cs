using BiO.Market.Documents;

namespace BiO.Market.Charges;

/// <summary>
/// The business rules of charge links (D07), separate from reading. Returns every problem, not the first.
/// <list type="bullet">
/// <item>the factor is at least 1;</item>
/// <item>the charge code has at most 10 characters (legacy codes are longer and read; this says so);</item>
/// <item>effective and termination dates are at local midnight (Europe/Copenhagen), the termination after the effective date.</item>
/// </list>
/// </summary>
public static class ChargeLinkValidator
{
    public static IReadOnlyList<DocumentProblem> Validate(NotifyBillingMasterData document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<DocumentProblem>();
        for (var r = 0; r < document.Records.Count; r++)
        {
            var record = document.Records[r];
            for (var l = 0; l < record.Links.Count; l++)
            {
                var link = record.Links[l];
                var place = $"MktActivityRecord[{r}].ChargeGroup.ChargeType[{l}]";
                void Add(string field, string message) =>
                    problems.Add(new DocumentProblem(document.Header.DocumentId, record.RecordId, $"{place}.{field}", message));

                if (link.Factor < 1)
                {
                    Add("factor", $"Factor {link.Factor} is below 1; a link applies its charge at least once.");
                }

                if (link.Code.Length > PriceListValidator.MaxCodeLength)
                {
                    Add("mRID", $"Charge code '{link.Code}' has {link.Code.Length} characters; at most {PriceListValidator.MaxCodeLength} are allowed.");
                }

                if (!Positions.AtLocalMidnight(link.EffectiveDate))
                {
                    Add("effectiveDate", $"The effective date {Cim.CimTime.ToMinutes(link.EffectiveDate)} is not at local midnight (Europe/Copenhagen).");
                }

                if (link.TerminationDate is { } end && !Positions.AtLocalMidnight(end))
                {
                    Add("terminationDate", $"The termination date {Cim.CimTime.ToMinutes(end)} is not at local midnight (Europe/Copenhagen).");
                }

                if (link.TerminationDate is { } stop && stop <= link.EffectiveDate)
                {
                    Add("terminationDate", $"The termination date {Cim.CimTime.ToMinutes(stop)} is not after the effective date {Cim.CimTime.ToMinutes(link.EffectiveDate)}.");
                }
            }
        }

        return problems;
    }
}
