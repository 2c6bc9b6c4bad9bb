namespace BiO.Domain.Reconciliation;

/// <summary>
/// Which of DataHub's wholesale settlements a result comes from, in the order they supersede each other:
/// the wholesale fixing (process D05), then the correction settlements (process D32) versions D01, D02, D03.
/// </summary>
public enum SettlementVersion
{
    /// <summary>D05 wholesale fixing ("engrosfiksering").</summary>
    WholesaleFixing = 0,

    /// <summary>D32 correction settlement, version D01 (first correction).</summary>
    FirstCorrection = 1,

    /// <summary>D32 correction settlement, version D02 (second correction).</summary>
    SecondCorrection = 2,

    /// <summary>D32 correction settlement, version D03 (third correction).</summary>
    ThirdCorrection = 3,
}

/// <summary>DataHub's codes of the settlement versions.</summary>
public static class SettlementVersions
{
    /// <summary>"D05" for the wholesale fixing, "D32 D01".."D32 D03" for the correction settlements.</summary>
    public static string Code(this SettlementVersion version) => version switch
    {
        SettlementVersion.WholesaleFixing => "D05",
        SettlementVersion.FirstCorrection => "D32 D01",
        SettlementVersion.SecondCorrection => "D32 D02",
        SettlementVersion.ThirdCorrection => "D32 D03",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown settlement version."),
    };

    /// <summary>The correction settlement of a <c>settlement_Series.version</c> code (D01, D02, D03); null for any other code.</summary>
    public static SettlementVersion? CorrectionFromCode(string? code) => code switch
    {
        "D01" => SettlementVersion.FirstCorrection,
        "D02" => SettlementVersion.SecondCorrection,
        "D03" => SettlementVersion.ThirdCorrection,
        _ => null,
    };
}
