using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace BiO.Market.Tests;

/// <summary>
/// For tests: the CIM JSON form of a CIM XML document of the kinds whose JSON we read (392 with confirm and reject,
/// D07, E07), by the convention of DataHub's CIM JSON: the root element as the one member, element names as member
/// names, repeated elements as arrays, code values as <c>{ "value": ... }</c>, attributes (codingScheme) beside
/// the value, the D07 factor as a number, other leaves as strings. Used to check that our JSON fixtures are the
/// faithful form of the XML ones and to read DataHub's XML samples through the JSON readers.
/// </summary>
internal static class CimJsonForm
{
    private static readonly HashSet<string> Arrays = ["MktActivityRecord", "Reason", "ChargeType", "Series", "Child_MarketEvaluationPoint"];

    /// <summary>Leaves holding code values, as <c>name</c> anywhere or <c>parent/name</c>.</summary>
    private static readonly HashSet<string> Codes =
    [
        "type", "process.processType", "businessSector.type", "sender_MarketParticipant.marketRole.type",
        "receiver_MarketParticipant.marketRole.type", "reason.code", "Reason/code", "settlementMethod", "meteringMethod",
        "connectionState", "product", "quantity_Measure_Unit.name", "Child_MarketEvaluationPoint/description",
        "Parent_MarketEvaluationPoint/description",
    ];

    public static string FromXml(string xml)
    {
        var root = XDocument.Parse(xml.TrimStart('\uFEFF')).Root!;
        return new JsonObject { [root.Name.LocalName] = Element(root) }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Element(XElement element)
    {
        var members = new JsonObject();
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            var value = child.HasElements ? Element(child) : Leaf(child, element.Name.LocalName);
            if (Arrays.Contains(name))
            {
                ((members[name] ??= new JsonArray()) as JsonArray)!.Add(value);
            }
            else
            {
                members.Add(name, value);
            }
        }

        return members;
    }

    private static JsonNode Leaf(XElement leaf, string parent)
    {
        var name = leaf.Name.LocalName;
        var text = leaf.Value.Trim();
        var attributes = leaf.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName.Length == 0).ToArray();
        if (attributes.Length > 0)
        {
            var value = new JsonObject();
            foreach (var attribute in attributes)
            {
                value.Add(attribute.Name.LocalName, attribute.Value);
            }

            value.Add("value", text);
            return value;
        }

        if (Codes.Contains(name) || Codes.Contains($"{parent}/{name}"))
        {
            return new JsonObject { ["value"] = text };
        }

        return name == "factor" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }
}
