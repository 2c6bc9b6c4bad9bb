using NodaTime;

namespace BiO.Domain.Prices;

/// <summary>
/// The charge links of one metering point ("gebyr-/tarif-tilknytninger"): DataHub sends a link again with a new factor
/// or termination when it changes, so a link replaces the one for the same charge and start.
/// </summary>
public sealed record ChargeLinks
{
    public static ChargeLinks Empty { get; } = new([]);

    private ChargeLinks(IReadOnlyList<ChargeLink> links) => All = links;

    /// <summary>Every link, ordered by charge then start.</summary>
    public IReadOnlyList<ChargeLink> All { get; }

    /// <summary>Adds a link, replacing the one of the same charge and start.</summary>
    /// <exception cref="ArgumentException">The link belongs to another metering point than the others.</exception>
    public ChargeLinks With(ChargeLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (All.Count > 0 && All[0].MeteringPointId != link.MeteringPointId)
        {
            throw new ArgumentException($"A link of {link.MeteringPointId} cannot join the links of {All[0].MeteringPointId}.", nameof(link));
        }

        return new ChargeLinks(All
            .Where(l => !(l.Charge == link.Charge && l.From == link.From))
            .Append(link)
            .OrderBy(l => l.Charge.ToString(), StringComparer.Ordinal)
            .ThenBy(l => l.From)
            .ToArray());
    }

    /// <summary>The links in force at some time within <paramref name="period"/>.</summary>
    public IReadOnlyList<ChargeLink> InForce(Interval period) =>
        All.Where(l => l.From < period.End && (l.To is not { } to || to > period.Start)).ToArray();
}
