using System.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads the small documents around RSM-015 from CIM XML: the request and DataHub's
/// RejectRequestValidatedMeasureData (ERR). The accepted answer is RSM-012 with process E30:
/// <see cref="ValidatedMeasureDataXmlReader"/>.
/// </summary>
/// <exception cref="DocumentReadException">As for <see cref="ValidatedMeasureDataXmlReader"/>.</exception>
public static class RequestDocumentsXmlReader
{
    public const string RequestRoot = "RequestValidatedMeasureData_MarketDocument";
    public const string RequestNamespace = "urn:ediel.org:measure:requestvalidatedmeasuredata:0:1";
    public const string RejectRoot = "RejectRequestValidatedMeasureData_MarketDocument";
    public const string RejectNamespace = "urn:ediel.org:measure:rejectrequestvalidatedmeasuredata:0:1";

    public static RequestValidatedMeasureData ReadRequest(Stream xml) => CimXml.Read(xml, RequestRoot, RequestNamespace, ReadRequest);

    public static RequestValidatedMeasureData ReadRequest(string xml) => CimXml.Read(xml, RequestRoot, RequestNamespace, ReadRequest);

    public static RejectRequestValidatedMeasureData ReadReject(Stream xml) => CimXml.Read(xml, RejectRoot, RejectNamespace, ReadReject);

    public static RejectRequestValidatedMeasureData ReadReject(string xml) => CimXml.Read(xml, RejectRoot, RejectNamespace, ReadReject);

    private static RequestValidatedMeasureData ReadRequest(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(RequestValidatedMeasureData.DocumentType);
        var fields = new RequestFields();
        var series = new List<MeasureDataRequestSeries>();
        if (CimXml.EnterChildren(reader))
        {
            while (CimXml.NextChild(reader, RequestNamespace, context))
            {
                if (CimXmlHeader.TryRead(reader, context, header))
                {
                    continue;
                }

                if (reader.LocalName != "Series")
                {
                    reader.Skip();
                    continue;
                }

                CimXml.Enter(reader, context, "Series", series.Count);
                ReadSeries(reader, context, fields, RequestNamespace);
                series.Add(fields.BuildRequest(context));
                context.Pop();
            }
        }

        return new RequestValidatedMeasureData(header.Build(context), new ValueList<MeasureDataRequestSeries>([.. series]));
    }

    private static RejectRequestValidatedMeasureData ReadReject(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(RejectRequestValidatedMeasureData.DocumentType);
        var fields = new RequestFields();
        var series = new List<RejectedMeasureDataRequest>();
        string? reasonCode = null;
        if (CimXml.EnterChildren(reader))
        {
            while (CimXml.NextChild(reader, RejectNamespace, context))
            {
                if (CimXmlHeader.TryRead(reader, context, header))
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "reason.code":
                        reasonCode = CimXml.Text(reader, context, "reason.code");
                        context.Pop();
                        break;
                    case "Series":
                        CimXml.Enter(reader, context, "Series", series.Count);
                        ReadSeries(reader, context, fields, RejectNamespace);
                        series.Add(fields.BuildReject(context));
                        context.Pop();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        return new RejectRequestValidatedMeasureData(header.Build(context), reasonCode, new ValueList<RejectedMeasureDataRequest>([.. series]));
    }

    private static void ReadSeries(XmlReader reader, ReadContext context, RequestFields fields, string ns)
    {
        if (!CimXml.EnterChildren(reader))
        {
            return;
        }

        var reasons = 0;
        while (CimXml.NextChild(reader, ns, context))
        {
            var name = reader.LocalName;
            if (name == "Reason")
            {
                CimXml.Enter(reader, context, name, reasons++);
                if (CimXml.EnterChildren(reader))
                {
                    while (CimXml.NextChild(reader, ns, context))
                    {
                        var part = reader.LocalName;
                        if (part is "code" or "text")
                        {
                            fields.SetReason(part, CimXml.Text(reader, context, part), context);
                            context.Pop();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }

                fields.AddReason(context);
                context.Pop();
            }
            else if (Array.IndexOf(RequestFields.Names, name) >= 0)
            {
                fields.TrySet(name, CimXml.Text(reader, context, name), context);
                context.Pop();
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
