using Microsoft.AspNetCore.Http;
using NodaTime;

namespace BiO.Gateway.Api;

/// <summary>
/// Validation of a request body: each check names its field (camelCase, with a path such as "versions[0].markup"),
/// and all failures are answered together as one 400 validation problem.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>The text, or an error when it is missing or blank.</summary>
    public string Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return "";
        }

        return value.Trim();
    }

    /// <summary>A required ISO date ("2026-03-01").</summary>
    public LocalDate Date(string field, string? value)
    {
        var text = Required(field, value);
        return text.Length > 0 ? ParseDate(field, text) ?? default : default;
    }

    /// <summary>An optional ISO date: null when absent, an error when present but not a date.</summary>
    public LocalDate? OptionalDate(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ParseDate(field, value);

    /// <summary>A required ISO month ("2026-03").</summary>
    public YearMonth Month(string field, string? value)
    {
        var text = Required(field, value);
        if (text.Length == 0)
        {
            return default;
        }

        if (!Iso.TryMonth(text, out var month))
        {
            Add(field, $"'{field}' must be a month as yyyy-MM (e.g. 2026-03), not '{text}'.");
        }

        return month;
    }

    /// <summary>A required time of day ("06:00", "24:00" for the end of the day).</summary>
    public LocalTime Time(string field, string? value)
    {
        var text = Required(field, value);
        if (text.Length == 0)
        {
            return default;
        }

        if (Iso.TryTime(text, out var time))
        {
            return time;
        }

        Add(field, $"'{field}' must be a time of day as HH:mm (e.g. 06:00; 24:00 for the end of the day), not '{text}'.");
        return default;
    }

    /// <summary>A required number.</summary>
    public decimal Number(string field, decimal? value)
    {
        if (value is null)
        {
            Add(field, $"'{field}' is required.");
        }

        return value ?? 0m;
    }

    /// <summary>The 400 answer naming every field that failed.</summary>
    public IResult Problem() => Results.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        title: "The request body is not valid",
        detail: string.Join(" ", errors.SelectMany(e => e.Value)));

    private LocalDate? ParseDate(string field, string text)
    {
        if (Iso.TryDate(text, out var date))
        {
            return date;
        }

        Add(field, $"'{field}' must be a date as yyyy-MM-dd (e.g. 2026-03-01), not '{text.Trim()}'.");
        return null;
    }
}
