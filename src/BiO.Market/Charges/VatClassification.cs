namespace BiO.Market.Charges;

/// <summary>Whether VAT applies to a charge (<c>VATPayer</c>).</summary>
public enum VatClassification
{
    /// <summary>D01: VAT applies.</summary>
    Vat,

    /// <summary>D02: no VAT.</summary>
    NoVat,
}
