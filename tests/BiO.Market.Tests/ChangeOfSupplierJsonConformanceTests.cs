using System.Text.Json;
using BiO.Market.Cim.Json;

namespace BiO.Market.Tests;

/// <summary>
/// Our JSON supply change fixtures (Supply/*.json) are valid against DataHub's CIM JSON schemas for the request,
/// confirm and reject (../shared/datahub/edi/schemas/cim-json), and the readers' root constants are the schemas'
/// root members. DataHub publishes no JSON sample of these documents. Skipped with a reason without ../shared.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ChangeOfSupplierJsonConformanceTests
{
    private const string RequestSchema = "Request-Change-of-Supplier-assembly-model.schema.json";
    private const string ConfirmSchema = "Confirm-request-Change-of-Supplier-assembly-model.schema.json";
    private const string RejectSchema = "Reject-request-Change-of-Supplier-assembly-model.schema.json";

    public static TheoryData<string, string, string> Fixtures => SharedDataHub.Root is null
        ? []
        : new TheoryData<string, string, string>
        {
            { "Supply/request-e03.json", RequestSchema, ChangeOfSupplierJsonReader.RequestRoot },
            { "Supply/confirm-e03.json", ConfirmSchema, ChangeOfSupplierJsonReader.ConfirmRoot },
            { "Supply/reject-e03.json", RejectSchema, ChangeOfSupplierJsonReader.RejectRoot },
        };

    [SharedTheory]
    [MemberData(nameof(Fixtures))]
    public void Our_json_fixture_is_valid_against_datahubs_schema(string fixture, string schema, string root)
    {
        _ = root;

        Assert.Empty(SharedDataHub.JsonSchemaErrors(schema, Fixture.Text(fixture)));
    }

    [SharedTheory]
    [MemberData(nameof(Fixtures))]
    public void The_readers_root_constant_is_the_schemas_only_root_member(string fixture, string schema, string root)
    {
        _ = fixture;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedDataHub.Root!, "edi", "schemas", "cim-json", schema)).TrimStart('\uFEFF'));

        Assert.Equal([root], document.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [SharedTheory]
    [InlineData(RequestSchema, "Supply/request-e03.json", "\"codingScheme\": \"A10\",\n          \"value\": \"571313000000002017\"", "\"value\": \"571313000000002017\"")]
    [InlineData(RequestSchema, "Supply/request-e03.json", "\"value\": \"E03\"", "\"value\": \"E99\"")]
    [InlineData(ConfirmSchema, "Supply/confirm-e03.json", "\"originalTransactionIDReference_MktActivityRecord.mRID\"", "\"originalTransactionReference\"")]
    [InlineData(RejectSchema, "Supply/reject-e03.json", "\"value\": \"E16\"", "\"value\": \"Z99\"")]
    public void The_schema_check_itself_can_fail(string schema, string fixture, string find, string replace)
    {
        var text = Fixture.Text(fixture);
        Assert.Equal(2, text.Split(find).Length);

        Assert.NotEmpty(SharedDataHub.JsonSchemaErrors(schema, text.Replace(find, replace, StringComparison.Ordinal)));
    }
}
