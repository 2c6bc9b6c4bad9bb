using BiO.Market.Documents;

namespace BiO.Market.Measurements;

/// <summary>
/// RSM-012 NotifyValidatedMeasureData_MarketDocument (type E66): validated meter data, one or more series.
/// A correction is simply a new document for the same point and period.
/// </summary>
public sealed record ValidatedMeasureData(MarketDocumentHeader Header, ValueList<MeasureSeries> Series)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "E66";
}
