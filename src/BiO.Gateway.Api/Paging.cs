using System.ComponentModel;

namespace BiO.Gateway.Api;

/// <summary>One page of a long list: the items from <paramref name="Offset"/>, at most <paramref name="Limit"/>, of <paramref name="Total"/>.</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    [property: Description("Index of the first item in the whole list.")] int Offset,
    [property: Description("Most items a page holds.")] int Limit,
    [property: Description("How many items the whole list holds.")] int Total)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    /// <summary>The page of <paramref name="all"/> at offset/limit (checked by <see cref="Check"/>).</summary>
    public static Page<T> Of(IReadOnlyList<T> all, int offset, int limit) =>
        new(all.Skip(offset).Take(limit).ToList(), offset, limit, all.Count);

    /// <summary>The offset and limit asked for, defaulted, or errors naming the query parameter.</summary>
    public static (int Offset, int Limit) Check(int? offset, int? limit, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (offset is < 0)
        {
            errors.Add("offset", $"'offset' must be 0 or more, not {offset}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"'limit' must be 1..{MaxLimit}, not {limit}.");
        }

        return (Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit));
    }
}
