using System.Text.Json;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads the small documents around RSM-015 from CIM JSON: the request itself (e.g. to check what was sent)
/// and DataHub's RejectRequestValidatedMeasureData (ERR). The accepted answer is RSM-012 with process E30:
/// <see cref="ValidatedMeasureDataJsonReader"/>.
/// </summary>
/// <exception cref="DocumentReadException">As for <see cref="ValidatedMeasureDataJsonReader"/>.</exception>
public static class RequestDocumentsJsonReader
{
    public const string RequestRoot = "RequestValidatedMeasureData_MarketDocument";
    public const string RejectRoot = "RejectRequestValidatedMeasureData_MarketDocument";

    public static RequestValidatedMeasureData ReadRequest(Stream utf8Json) => CimJson.Read(utf8Json, RequestRoot, ReadRequest);

    public static RequestValidatedMeasureData ReadRequest(string json) => CimJson.Read(json, RequestRoot, ReadRequest);

    public static RejectRequestValidatedMeasureData ReadReject(Stream utf8Json) => CimJson.Read(utf8Json, RejectRoot, ReadReject);

    public static RejectRequestValidatedMeasureData ReadReject(string json) => CimJson.Read(json, RejectRoot, ReadReject);

    private static RequestValidatedMeasureData ReadRequest(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(RequestValidatedMeasureData.DocumentType);
        var fields = new RequestFields();
        var series = new List<MeasureDataRequestSeries>();
        while (CimJson.NextProperty(ref reader, context))
        {
            if (CimJsonHeader.TryRead(ref reader, context, header))
            {
                continue;
            }

            if (!reader.ValueTextEquals("Series"u8))
            {
                CimJson.SkipValue(ref reader, context);
                continue;
            }

            for (var index = 0; EnterElement(ref reader, context, "Series", index); index++)
            {
                ReadSeriesMembers(ref reader, context, fields);
                series.Add(fields.BuildRequest(context));
                context.Pop();
            }
        }

        return new RequestValidatedMeasureData(header.Build(context), new ValueList<MeasureDataRequestSeries>([.. series]));
    }

    private static RejectRequestValidatedMeasureData ReadReject(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(RejectRequestValidatedMeasureData.DocumentType);
        var fields = new RequestFields();
        var series = new List<RejectedMeasureDataRequest>();
        string? reasonCode = null;
        while (CimJson.NextProperty(ref reader, context))
        {
            if (CimJsonHeader.TryRead(ref reader, context, header))
            {
                continue;
            }

            if (reader.ValueTextEquals("reason.code"u8))
            {
                context.Push("reason.code");
                context.Pop(CimJson.ReadText(ref reader, context, out var code) + 1);
                reasonCode = code;
            }
            else if (reader.ValueTextEquals("Series"u8))
            {
                for (var index = 0; EnterElement(ref reader, context, "Series", index); index++)
                {
                    ReadSeriesMembers(ref reader, context, fields);
                    series.Add(fields.BuildReject(context));
                    context.Pop();
                }
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
            }
        }

        return new RejectRequestValidatedMeasureData(header.Build(context), reasonCode, new ValueList<RejectedMeasureDataRequest>([.. series]));
    }

    private static void ReadSeriesMembers(ref Utf8JsonReader reader, ReadContext context, RequestFields fields)
    {
        CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
        while (CimJson.NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals("Reason"u8))
            {
                for (var index = 0; EnterElement(ref reader, context, "Reason", index); index++)
                {
                    CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
                    while (CimJson.NextProperty(ref reader, context))
                    {
                        var name = reader.ValueTextEquals("code"u8) ? "code" : reader.ValueTextEquals("text"u8) ? "text" : null;
                        if (name is null)
                        {
                            CimJson.SkipValue(ref reader, context);
                            continue;
                        }

                        context.Push(name);
                        var pushed = CimJson.ReadText(ref reader, context, out var text);
                        fields.SetReason(name, text, context);
                        context.Pop(pushed + 1);
                    }

                    fields.AddReason(context);
                    context.Pop();
                }

                continue;
            }

            string? member = null;
            foreach (var name in RequestFields.Names)
            {
                if (reader.ValueTextEquals(name))
                {
                    member = name;
                    break;
                }
            }

            if (member is null)
            {
                CimJson.SkipValue(ref reader, context);
                continue;
            }

            context.Push(member);
            var depth = CimJson.ReadText(ref reader, context, out var value);
            fields.TrySet(member, value, context);
            context.Pop(depth + 1);
        }
    }

    /// <summary>On an array member (first call) or inside it: moves to element <paramref name="index"/> and pushes it; false at the end.</summary>
    private static bool EnterElement(ref Utf8JsonReader reader, ReadContext context, string name, int index)
    {
        if (index == 0)
        {
            context.Push(name);
            CimJson.Next(ref reader, context);
            CimJson.Expect(ref reader, JsonTokenType.StartArray, context);
            context.Pop();
        }

        CimJson.Next(ref reader, context);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        context.Push(name, index);
        return true;
    }
}
