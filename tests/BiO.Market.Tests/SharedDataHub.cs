using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;

namespace BiO.Market.Tests;

/// <summary>
/// DataHub's own schemas and samples in ../shared/datahub (beside the repository; CI always has it). Found by
/// walking up from the test binaries to the folder holding BiO.sln. Never copied into the repository.
/// </summary>
internal static class SharedDataHub
{
    public static string? Root { get; } = Find();

    public static string Samples => Path.Combine(Root!, "edi", "samples");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BiO.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datahub"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }

    /// <summary>JSON schema errors of a document (empty when valid), with the code lists registered by their $id.</summary>
    public static IReadOnlyList<string> JsonSchemaErrors(string schemaFile, string json)
    {
        var folder = Path.Combine(Root!, "edi", "schemas", "cim-json");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 };
        foreach (var dependency in new[] { "urn-entsoe-eu-local-extension-types.schema.json", "urn-entsoe-eu-wgedi-codelists.schema.json" })
        {
            JsonSchema.FromText(WithoutAnchorIds(File.ReadAllText(Path.Combine(folder, dependency))), options);
        }

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, schemaFile)).TrimStart('\uFEFF'), options);
        using var document = JsonDocument.Parse(json.TrimStart('\uFEFF'));
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>
    /// The code lists name each definition with a draft-07 plain-name <c>"$id": "#Name"</c>. JsonSchema.Net 8.0.5
    /// takes it as a new base URI and then cannot resolve the definition's own <c>#/definitions/...</c> refs. No
    /// <c>$ref</c> in these schemas uses the anchors, so they are dropped (in memory; the files are untouched).
    /// </summary>
    private static string WithoutAnchorIds(string schema)
    {
        var root = JsonNode.Parse(schema.TrimStart('\uFEFF'))!;
        var pending = new Stack<JsonNode?>([root]);
        while (pending.TryPop(out var node))
        {
            if (node is JsonObject obj)
            {
                if (obj["$id"] is JsonValue id && id.GetValue<string>().StartsWith('#'))
                {
                    obj.Remove("$id");
                }

                foreach (var (_, child) in obj)
                {
                    pending.Push(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    pending.Push(child);
                }
            }
        }

        return root.ToJsonString();
    }

    /// <summary>XSD errors of a document (empty when valid); the XSD's imports are resolved beside it.</summary>
    public static IReadOnlyList<string> XsdErrors(string xsdFile, Stream xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(Root!, "edi", "schemas", "cim-xml", xsdFile));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
