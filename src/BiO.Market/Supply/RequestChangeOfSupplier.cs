using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Supply;

/// <summary>
/// RequestChangeOfSupplier_MarketDocument (type 392): the supplier asks DataHub to start (E03 change of supplier,
/// BRS-001; E65 move-in, BRS-009) or end (E20 end of supply, BRS-010) its supply of metering points.
/// </summary>
public sealed record RequestChangeOfSupplier(MarketDocumentHeader Header, ValueList<SupplyChangeRequest> Records)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "392";

    /// <summary>The processes of the supply change documents (request, confirm, reject): E03, E65, E20.</summary>
    public static IReadOnlyList<ProcessType> Processes { get; } = [ProcessType.ChangeOfSupplier, ProcessType.MoveIn, ProcessType.EndOfSupply];

    /// <summary>The domain event of a process: E03 change of supplier, E65 move-in, E20 end of supply.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a supply change process.</exception>
    public static SupplyEvent EventOf(ProcessType process) => process switch
    {
        ProcessType.ChangeOfSupplier => SupplyEvent.ChangeOfSupplier,
        ProcessType.MoveIn => SupplyEvent.MoveIn,
        ProcessType.EndOfSupply => SupplyEvent.EndOfSupply,
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, "Not a supply change process (E03, E65 or E20)."),
    };
}

/// <summary>One <c>MktActivityRecord</c> of a request: a metering point and when the change takes effect.</summary>
/// <param name="TransactionId">The record <c>mRID</c>: the request id the answer refers to.</param>
/// <param name="MeteringPoint">The GSRN.</param>
/// <param name="EnergySupplier">The supplier asking (<c>marketEvaluationPoint.energySupplier_MarketParticipant.mRID</c>).</param>
/// <param name="BalanceResponsible">The balance responsible party, when given.</param>
/// <param name="CustomerId">The customer's id (CPR, codingScheme ARR, or CVR, VAT), when given.</param>
/// <param name="CustomerName">The customer's name, when given.</param>
/// <param name="Start">The effective date (<c>start_DateAndOrTime.dateTime</c>): local midnight as a UTC instant.</param>
public sealed record SupplyChangeRequest(
    string TransactionId, Gsrn MeteringPoint, Gln EnergySupplier, Gln? BalanceResponsible, string? CustomerId, string? CustomerName, Instant Start);
