namespace BiO.Demo;

/// <summary>
/// One generated document as DataHub (or Energi Data Service, for spot prices) would hand it to a supplier.
/// </summary>
/// <param name="Kind">What it is: one of <see cref="DocumentKinds"/>.</param>
/// <param name="ContentType"><c>application/xml</c> or <c>application/json</c>, as the intake takes it.</param>
/// <param name="Body">The UTF-8 bytes of the document.</param>
/// <param name="DocumentId">The document's <c>mRID</c> (for spot prices: a name of the data set and month).</param>
public sealed record MarketDocument(string Kind, string ContentType, byte[] Body, string DocumentId);

/// <summary>The kinds of <see cref="MarketDocument"/>, in the order a demo month delivers them.</summary>
public static class DocumentKinds
{
    /// <summary>RequestChangeOfSupplier (392), our requests to DataHub (XML).</summary>
    public const string SupplyRequest = "392";

    /// <summary>ConfirmRequestChangeOfSupplier (E44), DataHub's confirmations of our requests (XML).</summary>
    public const string SupplyConfirm = "392-confirm";

    /// <summary>AccountingPointCharacteristics (E07), metering point master data (XML).</summary>
    public const string MasterData = "E07";

    /// <summary>NotifyPriceList (D12) with process D18, the charges' master data (XML).</summary>
    public const string ChargeInformation = "D12-D18";

    /// <summary>NotifyPriceList (D12) with process D08, the charges' prices (XML).</summary>
    public const string ChargePrices = "D12-D08";

    /// <summary>NotifyBillingMasterData (D07), charge links (XML).</summary>
    public const string ChargeLinks = "D07";

    /// <summary>Energi Data Service DayAheadPrices, one price area for the month (JSON).</summary>
    public const string SpotPrices = "DayAheadPrices";

    /// <summary>NotifyValidatedMeasureData (RSM-012, E66), meter data (JSON).</summary>
    public const string MeterData = "RSM-012";

    /// <summary>RejectRequestValidatedMeasureData (ERR), DataHub refusing an RSM-015 request (XML).</summary>
    public const string MeterDataReject = "RSM-015-reject";

    public const string Xml = "application/xml";

    public const string Json = "application/json";
}
