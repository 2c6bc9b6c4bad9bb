using System.Globalization;
using NodaTime;

namespace BiO.Domain.Tests.Conformance;

/// <summary>Reads one folder of DataHub's legacy wholesale test data (semicolon CSVs, UTC times, optional BOM).</summary>
internal sealed class LegacyCase
{
    private LegacyCase(string folder) => Folder = folder;

    public string Folder { get; }

    public static string? Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BiO.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datahub", "wholesale-legacy-2024-04"));
        return root is not null && Directory.Exists(root) ? root : null;
    }

    public static LegacyCase Open(string root, string name) => new(Path.Combine(root, "given_a_wholesale_calculation", name, "test_data"));

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path).Select(l => l.Trim('\uFEFF', '\r')).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(';');
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(';');
            return (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, i < cells.Length ? cells[i] : string.Empty)).ToDictionary(x => x.h, x => x.Item2);
        }).ToList();
    }

    public string Argument(string name)
    {
        var line = File.ReadAllLines(Path.Combine(Folder, "calculation_arguments.yml")).Select(l => l.Trim(' ', '-')).First(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return line[(name.Length + 1)..].Trim().Trim('\'');
    }

    public static Instant Time(string text) =>
        Instant.FromDateTimeUtc(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

    public static Instant? OptionalTime(string text) => string.IsNullOrWhiteSpace(text) ? null : Time(text);

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
