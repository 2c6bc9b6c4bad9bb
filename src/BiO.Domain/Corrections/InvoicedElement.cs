using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Corrections;

/// <summary>
/// What was invoiced so far for one price element of a metering point's billing period and paying account: the
/// original invoice line and every correction line since, summed; with the newest basis versions among them.
/// </summary>
/// <param name="ContractId">The contract the lines belong to.</param>
/// <param name="ElementId">The price element (a charge, spot, the supplier's markup or subscription).</param>
/// <param name="Description">The element's text on the invoice.</param>
/// <param name="Quantity">The sum of the quantities invoiced.</param>
/// <param name="Amount">The sum of the amounts invoiced, excluding VAT.</param>
/// <param name="Vat">The VAT rate the lines were invoiced at.</param>
/// <param name="DataVersion">The newest meter data version the invoiced amounts were computed from.</param>
/// <param name="PriceVersion">The newest price version the invoiced amounts were computed from.</param>
public sealed record InvoicedElement(
    string ContractId,
    string ElementId,
    string Description,
    Quantity Quantity,
    Money.Money Amount,
    VatRate Vat,
    Instant? DataVersion,
    Instant? PriceVersion);
