using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.Supply;

/// <summary>
/// The business rules of a RequestChangeOfSupplier, separate from reading. Returns every problem, not the first.
/// <list type="bullet">
/// <item>the process is a supply change (E03, E65 or E20) and the sender a supplier (DDQ) that names itself as the energy supplier;</item>
/// <item>the effective date is at local midnight (Europe/Copenhagen) expressed in UTC;</item>
/// <item>the GSRN is Danish (57...) and its check digit (GS1 modulo 10) is right.</item>
/// </list>
/// </summary>
public static class SupplyChangeValidator
{
    public static IReadOnlyList<DocumentProblem> Validate(RequestChangeOfSupplier document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var header = document.Header;
        var problems = new List<DocumentProblem>();
        if (!RequestChangeOfSupplier.Processes.Contains(header.Process))
        {
            problems.Add(new DocumentProblem(header.DocumentId, null, "process.processType",
                $"Process {header.Process.Code()} is not a supply change; expected E03, E65 or E20."));
        }

        if (header.Sender.Role != "DDQ")
        {
            problems.Add(new DocumentProblem(header.DocumentId, null, "sender_MarketParticipant.marketRole.type",
                $"The sender's role is {header.Sender.Role}; only an energy supplier (DDQ) requests a supply change."));
        }

        for (var r = 0; r < document.Records.Count; r++)
        {
            var record = document.Records[r];
            void Add(string field, string message) =>
                problems.Add(new DocumentProblem(header.DocumentId, record.TransactionId, $"MktActivityRecord[{r}].{field}", message));

            if (CheckGsrn(record.MeteringPoint) is { } gsrnProblem)
            {
                Add("marketEvaluationPoint.mRID", gsrnProblem);
            }

            if (record.EnergySupplier != header.Sender.Id)
            {
                Add("marketEvaluationPoint.energySupplier_MarketParticipant.mRID",
                    $"The energy supplier {record.EnergySupplier} is not the sender {header.Sender.Id}.");
            }

            if (!Positions.AtLocalMidnight(record.Start))
            {
                Add("start_DateAndOrTime.dateTime",
                    $"The effective date {Cim.CimTime.ToMinutes(record.Start)} is not at local midnight (Europe/Copenhagen; T22:00Z in summer, T23:00Z in winter).");
            }
        }

        return problems;
    }

    /// <summary>Null when <paramref name="gsrn"/> is a Danish GSRN with a right check digit, else what is wrong.</summary>
    public static string? CheckGsrn(Gsrn gsrn)
    {
        var digits = gsrn.Value;
        if (!digits.StartsWith("57", StringComparison.Ordinal))
        {
            return $"GSRN {digits} does not start with 57 (Denmark).";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            // GS1: from the right of the 17 digits, weights 3, 1, 3, ...; here from the left, digit 0 weighs 3.
            sum += (digits[i] - '0') * (i % 2 == 0 ? 3 : 1);
        }

        var check = (10 - (sum % 10)) % 10;
        return digits[17] - '0' == check ? null : $"GSRN {digits} has check digit {digits[17]}; expected {check}.";
    }
}
