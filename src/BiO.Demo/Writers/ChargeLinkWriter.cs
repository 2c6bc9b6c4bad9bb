using BiO.Domain.Prices;
using BiO.Market.Cim.Xml;
using NodaTime;

namespace BiO.Demo.Writers;

/// <summary>Writes NotifyBillingMasterData (D07, process D17) as CIM XML: per metering point its linked charges, factor 1.</summary>
internal static class ChargeLinkWriter
{
    public static byte[] Write(CimHeader header, IEnumerable<(string RecordId, DemoMeteringPoint Point, IEnumerable<DemoCharge> Charges, Instant From)> records)
    {
        using var xml = new CimXmlDocument(BillingMasterDataXmlReader.RootName, BillingMasterDataXmlReader.Namespace, header);
        foreach (var (recordId, point, charges, from) in records)
        {
            xml.Start("MktActivityRecord");
            xml.Element("mRID", recordId);
            xml.Coded("marketEvaluationPoint.mRID", point.Gsrn.Value);
            xml.Start("ChargeGroup");
            foreach (var charge in charges)
            {
                xml.Start("ChargeType");
                xml.Coded("chargeTypeOwner_MarketParticipant.mRID", charge.Owner.Value);
                xml.Element("type", charge.Type.Code());
                xml.Element("mRID", charge.Code);
                xml.Element("factor", "1");
                xml.Element("effectiveDate", DemoTime.Seconds(from));
                xml.End();
            }

            xml.End();
            xml.End();
        }

        return xml.ToArray();
    }
}
