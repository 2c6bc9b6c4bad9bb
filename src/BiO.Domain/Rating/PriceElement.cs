namespace BiO.Domain.Rating;

/// <summary>
/// A price element of a product ("priselement"): something that turns a rating input into settlement lines.
/// Electricity's elements are spot, supplier markup and subscription, and DataHub's charges; other products (gas,
/// telephony, broadband, TV, hours) add their own elements without touching these.
/// </summary>
public abstract record PriceElement(string ElementId, string Name)
{
    public abstract ElementSettlement Rate(RatingInput input);
}

/// <summary>Rates a metering point and period against a product's price elements.</summary>
public static class Rater
{
    public static Settlement Rate(RatingInput input, IEnumerable<PriceElement> elements)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(elements);
        return new Settlement(input, elements.Select(e => e.Rate(input)).ToList());
    }
}
