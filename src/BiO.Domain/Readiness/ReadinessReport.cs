using BiO.Domain.MeteringPoints;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>
/// Whether a metering point can be settled for a billing period: the settle windows (the parts of the period inside
/// our supply and a contract), every gap with its text, and the settlements rated over the windows (one per window).
/// </summary>
public sealed record ReadinessReport(
    Gsrn Gsrn,
    BillingPeriod Period,
    IReadOnlyList<Interval> SettleWindows,
    IReadOnlyList<ReadinessGap> Gaps,
    IReadOnlyList<Settlement> Settlements)
{
    /// <summary>Ready when nothing is missing (a period without supply or contract has a gap saying so).</summary>
    public bool IsReady => Gaps.Count == 0;

    /// <summary>The texts of the gaps, in report order.</summary>
    public IEnumerable<string> Texts => Gaps.Select(g => g.Text);
}
