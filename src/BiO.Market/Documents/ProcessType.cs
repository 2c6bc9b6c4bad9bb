namespace BiO.Market.Documents;

/// <summary>The business process of a meter data document (<c>process.processType</c>).</summary>
public enum ProcessType
{
    /// <summary>E23 periodic metering.</summary>
    PeriodicMetering,

    /// <summary>D42 flex metering.</summary>
    FlexMetering,

    /// <summary>E30 historical data (the answer to an RSM-015 request).</summary>
    HistoricalData,
}

public static class ProcessTypes
{
    /// <summary>E23, D42 or E30; null for any other code.</summary>
    public static ProcessType? FromCode(string? code) => code switch
    {
        "E23" => ProcessType.PeriodicMetering,
        "D42" => ProcessType.FlexMetering,
        "E30" => ProcessType.HistoricalData,
        _ => null,
    };

    public static string Code(this ProcessType process) => process switch
    {
        ProcessType.PeriodicMetering => "E23",
        ProcessType.FlexMetering => "D42",
        ProcessType.HistoricalData => "E30",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, "Not a process type."),
    };
}
