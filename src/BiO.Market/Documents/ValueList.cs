using System.Collections;

namespace BiO.Market.Documents;

/// <summary>
/// An immutable list compared by its items, so that records holding lists are equal when their content is
/// (a record's own equality would compare the list references).
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    /// <summary>Takes the items as they are: the caller hands over the array and must not change it.</summary>
    internal ValueList(T[] items) => this.items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => items.Length;

    public T this[int index] => items[index];

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> Of(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new ValueList<T>([.. items]);
    }

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", items)}]";
}

/// <summary>Builds <see cref="ValueList{T}"/>s.</summary>
public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.Of(items);
}
