using BiO.Market.Cim.Xml;
using BiO.Market.Requests;

namespace BiO.Demo.Writers;

/// <summary>Writes RejectRequestValidatedMeasureData (ERR) as CIM XML: each refused request series with its reason.</summary>
internal static class MeasureDataRejectWriter
{
    public static byte[] Write(CimHeader header, IEnumerable<(MeasureDataRequestSeries Request, string Code, string Text)> refused)
    {
        using var xml = new CimXmlDocument(RequestDocumentsXmlReader.RejectRoot, RequestDocumentsXmlReader.RejectNamespace, header, "A02");
        foreach (var (request, code, text) in refused)
        {
            xml.Start("Series");
            xml.Element("mRID", $"R-{request.TransactionId}");
            xml.Element("originalTransactionIDReference_Series.mRID", request.TransactionId);
            xml.Start("Reason");
            xml.Element("code", code);
            xml.Element("text", text);
            xml.End();
            xml.Coded("marketEvaluationPoint.mRID", request.MeteringPoint.Value);
            xml.End();
        }

        return xml.ToArray();
    }
}
