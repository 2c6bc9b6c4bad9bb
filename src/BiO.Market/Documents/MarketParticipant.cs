namespace BiO.Market.Documents;

/// <summary>
/// A sender or receiver of a DataHub document: its GLN and the market role it acts in
/// (<c>marketRole.type</c>: DDQ supplier, DGL DataHub, MDR meter data responsible, ...).
/// </summary>
public sealed record MarketParticipant
{
    public MarketParticipant(Gln id, string role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException("A market role code is required, e.g. DDQ or DGL.", nameof(role));
        }

        Id = id;
        Role = role;
    }

    public Gln Id { get; }

    /// <summary>The CIM market role code.</summary>
    public string Role { get; }

    public override string ToString() => $"{Id} ({Role})";
}
