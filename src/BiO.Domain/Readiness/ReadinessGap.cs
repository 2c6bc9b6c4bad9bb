using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>What keeps a metering point and period from being settled.</summary>
public enum GapKind
{
    /// <summary>We do not supply the point at any time in the period.</summary>
    NotSupplied = 1,

    /// <summary>No master data (E07) valid yet for part of the supply.</summary>
    NoMasterData = 2,

    /// <summary>Part of the supply is not covered by a contract.</summary>
    NoContract = 3,

    /// <summary>The point has no payer.</summary>
    NoPayer = 4,

    /// <summary>Intervals without a quantity (never received, or A02).</summary>
    MeterData = 5,

    /// <summary>A charge or supplier element without a price.</summary>
    Price = 6,

    /// <summary>No spot price.</summary>
    SpotPrice = 7,

    /// <summary>Meter data coarser than an element's prices (e.g. PT1H data against PT15M prices).</summary>
    Resolution = 8,
}

/// <summary>
/// One readiness gap: its kind, the UTC interval it concerns (for prices, from the first to the last missing
/// interval of its days), the local days it touches, the price elements it concerns (none for gaps of the point
/// itself) and a text for people, e.g. <c>571313000000002000 2026-03-14 17:00-18:00: no quantity</c>.
/// </summary>
public sealed record ReadinessGap(GapKind Kind, Interval Interval, DateInterval Days, IReadOnlyList<string> ElementIds, string Text)
{
    public override string ToString() => Text;
}
