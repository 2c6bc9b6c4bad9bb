using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BiO.Persistence.Migrations;

/// <summary>One versioned schema migration: a file deploy/sql/migrations/NNNN_name.sql, embedded in this assembly.</summary>
/// <param name="Version">The number NNNN; migrations run in this order, each once.</param>
/// <param name="Name">The rest of the file name.</param>
/// <param name="Sql">The script, run in one transaction.</param>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "BiO.Migrations.";

    /// <summary>SHA-256 of the script (line endings normalised), to detect an applied migration that was edited.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The migrations shipped with this build, in version order.</summary>
    /// <exception cref="InvalidOperationException">A file is misnamed or two share a version.</exception>
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
        var clash = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations share version {clash.Key}: {string.Join(", ", clash.Select(m => m.Name))}.");
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resource)
    {
        var file = resource[ResourcePrefix.Length..];
        var match = FileName().Match(file);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration file '{file}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
