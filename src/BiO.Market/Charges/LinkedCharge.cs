using BiO.Domain.Prices;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Charges;

/// <summary>
/// One charge linked to a metering point (<c>ChargeType</c> of a billing master data document).
/// </summary>
/// <param name="Owner">The charge owner's GLN.</param>
/// <param name="Type">D01 subscription, D02 fee, D03 tariff.</param>
/// <param name="Code">The charge code as sent (legacy codes may exceed 10 characters: the validator says so).</param>
/// <param name="Factor">How many times the charge applies (e.g. 2 subscriptions); at least 1 (validated).</param>
/// <param name="EffectiveDate">From when the link applies.</param>
/// <param name="TerminationDate">When it stops, if it does.</param>
public sealed record LinkedCharge(Gln Owner, ChargeType Type, string Code, int Factor, Instant EffectiveDate, Instant? TerminationDate);
