namespace BiO.Market.Documents;

/// <summary>The business process of a document (<c>process.processType</c>).</summary>
public enum ProcessType
{
    /// <summary>E23 periodic metering.</summary>
    PeriodicMetering,

    /// <summary>D42 flex metering.</summary>
    FlexMetering,

    /// <summary>E30 historical data (the answer to an RSM-015 request).</summary>
    HistoricalData,

    /// <summary>D18 charge information (a charge's master data in a price list).</summary>
    ChargeInformation,

    /// <summary>D08 charge prices (a price series in a price list).</summary>
    ChargePrices,

    /// <summary>D17 billing master data (charge links).</summary>
    BillingMasterData,

    /// <summary>E03 change of supplier (BRS-001).</summary>
    ChangeOfSupplier,

    /// <summary>E65 move-in (BRS-009).</summary>
    MoveIn,

    /// <summary>E20 end of supply (BRS-010 move-out, or another supplier taking over).</summary>
    EndOfSupply,

    /// <summary>E06 unrequested change of supplier (DataHub assigns a supplier).</summary>
    UnrequestedChangeOfSupplier,

    /// <summary>E02 new metering point.</summary>
    NewMeteringPoint,

    /// <summary>E32 update of a metering point's master data.</summary>
    UpdateMasterData,

    /// <summary>E79 change of connection state.</summary>
    ChangeConnectionState,

    /// <summary>D15 connect a metering point.</summary>
    ConnectMeteringPoint,

    /// <summary>D05 wholesale fixing (DataHub's first settlement of a month, RSM-019).</summary>
    WholesaleFixing,

    /// <summary>D32 correction settlement (DataHub's later settlements of a month, versions D01, D02, D03).</summary>
    CorrectionSettlement,
}

public static class ProcessTypes
{
    /// <summary>The processes of meter data documents (RSM-012, RSM-015): E23, D42, E30.</summary>
    public static IReadOnlyList<ProcessType> MeterData { get; } =
        [ProcessType.PeriodicMetering, ProcessType.FlexMetering, ProcessType.HistoricalData];

    /// <summary>The known process for <paramref name="code"/>; null for any other code.</summary>
    public static ProcessType? FromCode(string? code) => code switch
    {
        "E23" => ProcessType.PeriodicMetering,
        "D42" => ProcessType.FlexMetering,
        "E30" => ProcessType.HistoricalData,
        "D18" => ProcessType.ChargeInformation,
        "D08" => ProcessType.ChargePrices,
        "D17" => ProcessType.BillingMasterData,
        "E03" => ProcessType.ChangeOfSupplier,
        "E65" => ProcessType.MoveIn,
        "E20" => ProcessType.EndOfSupply,
        "E06" => ProcessType.UnrequestedChangeOfSupplier,
        "E02" => ProcessType.NewMeteringPoint,
        "E32" => ProcessType.UpdateMasterData,
        "E79" => ProcessType.ChangeConnectionState,
        "D15" => ProcessType.ConnectMeteringPoint,
        "D05" => ProcessType.WholesaleFixing,
        "D32" => ProcessType.CorrectionSettlement,
        _ => null,
    };

    public static string Code(this ProcessType process) => process switch
    {
        ProcessType.PeriodicMetering => "E23",
        ProcessType.FlexMetering => "D42",
        ProcessType.HistoricalData => "E30",
        ProcessType.ChargeInformation => "D18",
        ProcessType.ChargePrices => "D08",
        ProcessType.BillingMasterData => "D17",
        ProcessType.ChangeOfSupplier => "E03",
        ProcessType.MoveIn => "E65",
        ProcessType.EndOfSupply => "E20",
        ProcessType.UnrequestedChangeOfSupplier => "E06",
        ProcessType.NewMeteringPoint => "E02",
        ProcessType.UpdateMasterData => "E32",
        ProcessType.ChangeConnectionState => "E79",
        ProcessType.ConnectMeteringPoint => "D15",
        ProcessType.WholesaleFixing => "D05",
        ProcessType.CorrectionSettlement => "D32",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, "Not a process type."),
    };
}
