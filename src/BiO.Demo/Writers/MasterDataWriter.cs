using BiO.Market.Cim.Xml;

namespace BiO.Demo.Writers;

/// <summary>Writes AccountingPointCharacteristics (E07, process E03) as CIM XML: one record per metering point.</summary>
internal static class MasterDataWriter
{
    public static byte[] Write(CimHeader header, DemoOptions options, IEnumerable<(string RecordId, string RequestTransactionId, DemoMeteringPoint Point)> records)
    {
        using var xml = new CimXmlDocument(AccountingPointCharacteristicsXmlReader.RootName, AccountingPointCharacteristicsXmlReader.Namespace, header);
        foreach (var (recordId, request, point) in records)
        {
            var start = DemoTime.Seconds(point.SupplyStartInstant);
            xml.Start("MktActivityRecord");
            xml.Element("mRID", recordId);
            xml.Element("originalTransactionIDReference_MktActivityRecord.mRID", request);
            xml.Element("validityStart_DateAndOrTime.dateTime", start);
            xml.Start("MarketEvaluationPoint");
            xml.Coded("mRID", point.Gsrn.Value);
            xml.Coded("meteringPointResponsible_MarketParticipant.mRID", point.GridArea.GridOperator.Value);
            xml.Element("type", "E17");
            xml.Element("settlementMethod", point.SettlementMethod);
            xml.Element("meteringMethod", "D01");
            xml.Element("connectionState", "E22");
            xml.Element("readCycle", point.Resolution.Code);
            xml.Element("netSettlementGroup", "0");
            xml.Coded("meteringGridArea_Domain.mRID", point.GridArea.Code, "NDK");
            xml.Coded("energySupplier_MarketParticipant.mRID", options.Supplier.Value);
            xml.Element("supplyStart_DateAndOrTime.dateTime", start);
            xml.Element("description", point.HeatPump ? "Parcelhus, varmepumpe" : "Bolig");
            xml.Start("usagePointLocation.mainAddress");
            xml.Start("streetDetail");
            xml.Element("name", point.Address.Street);
            xml.Element("number", point.Address.Number);
            xml.End();
            xml.Start("townDetail");
            xml.Element("name", point.Address.City);
            xml.Element("country", "DK");
            xml.End();
            xml.Element("postalCode", point.Address.PostalCode);
            xml.End();
            xml.End();
            xml.End();
        }

        return xml.ToArray();
    }
}
