using BiO.Market.Cim.Xml;

namespace BiO.Demo.Writers;

/// <summary>Writes RequestChangeOfSupplier (392, E03) and DataHub's ConfirmRequestChangeOfSupplier (E44) as CIM XML.</summary>
internal static class SupplyChangeWriter
{
    /// <summary>A request record: our transaction id, the point, who the customer is.</summary>
    public sealed record RequestRecord(string TransactionId, DemoMeteringPoint Point, string CustomerName);

    public static byte[] Request(CimHeader header, DemoOptions options, IEnumerable<RequestRecord> records)
    {
        using var xml = new CimXmlDocument(ChangeOfSupplierXmlReader.RequestRoot, ChangeOfSupplierXmlReader.RequestNamespace, header);
        foreach (var record in records)
        {
            xml.Start("MktActivityRecord");
            xml.Element("mRID", record.TransactionId);
            xml.Coded("marketEvaluationPoint.mRID", record.Point.Gsrn.Value);
            xml.Coded("marketEvaluationPoint.energySupplier_MarketParticipant.mRID", options.Supplier.Value);
            xml.Coded("marketEvaluationPoint.balanceResponsibleParty_MarketParticipant.mRID", options.BalanceResponsible.Value);
            xml.Element("marketEvaluationPoint.customer_MarketParticipant.name", record.CustomerName);
            xml.Element("start_DateAndOrTime.dateTime", DemoTime.Seconds(record.Point.SupplyStartInstant));
            xml.End();
        }

        return xml.ToArray();
    }

    public static byte[] Confirm(CimHeader header, IEnumerable<RequestRecord> records)
    {
        using var xml = new CimXmlDocument(ChangeOfSupplierXmlReader.ConfirmRoot, ChangeOfSupplierXmlReader.ConfirmNamespace, header, "A01");
        foreach (var record in records)
        {
            xml.Start("MktActivityRecord");
            xml.Element("mRID", $"C{record.TransactionId}");
            xml.Element("originalTransactionIDReference_MktActivityRecord.mRID", record.TransactionId);
            xml.Coded("marketEvaluationPoint.mRID", record.Point.Gsrn.Value);
            xml.End();
        }

        return xml.ToArray();
    }
}
