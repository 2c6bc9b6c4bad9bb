using System.Globalization;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Cim.Xml;
using NodaTime;

namespace BiO.Demo.Writers;

/// <summary>
/// Writes NotifyPriceList (D12) as CIM XML: the charges' information (process D18), or their prices for a month
/// (process D08; a tariff one PT1H series per local day, 23/24/25 prices; a subscription one P1M series).
/// </summary>
internal static class PriceListWriter
{
    public static byte[] Information(CimHeader header, IReadOnlyList<DemoCharge> charges, Instant effective)
    {
        using var xml = new CimXmlDocument(PriceListXmlReader.RootName, PriceListXmlReader.Namespace, header);
        for (var i = 0; i < charges.Count; i++)
        {
            var charge = charges[i];
            Open(xml, $"{header.DocumentId}-{i + 1}", charge, effective);
            xml.Element("name", charge.Name);
            xml.Element("description", charge.Description);
            xml.Element("priceTimeFrame_Period.resolution", charge.Resolution.Code);
            xml.Element("VATPayer", "D01");
            xml.Element("transparentInvoicing", charge.TransparentInvoicing ? "true" : "false");
            xml.Element("taxIndicator", charge.TaxIndicator ? "true" : "false");
            Close(xml);
        }

        return xml.ToArray();
    }

    public static byte[] Prices(CimHeader header, IReadOnlyList<DemoCharge> charges, Instant effective, YearMonth month, DemoDay[] days)
    {
        using var xml = new CimXmlDocument(PriceListXmlReader.RootName, PriceListXmlReader.Namespace, header);
        for (var i = 0; i < charges.Count; i++)
        {
            var charge = charges[i];
            Open(xml, $"{header.DocumentId}-{i + 1}", charge, effective);
            xml.Element("priceTimeFrame_Period.resolution", charge.Resolution.Code);
            if (charge.Type == ChargeType.Tariff)
            {
                foreach (var day in days)
                {
                    Series(xml, Resolution.Hour, day.Utc, day.LocalHours.Select(h => charge.HourPrice(month.Month, h)));
                }
            }
            else
            {
                Series(xml, Resolution.Month, BillingTime.Month(month), [charge.MonthlyPrice!.Value]);
            }

            Close(xml);
        }

        return xml.ToArray();
    }

    private static void Open(CimXmlDocument xml, string recordId, DemoCharge charge, Instant effective)
    {
        xml.Start("MktActivityRecord");
        xml.Element("mRID", recordId);
        xml.Start("ChargeGroup");
        xml.Start("ChargeType");
        xml.Coded("chargeTypeOwner_MarketParticipant.mRID", charge.Owner.Value);
        xml.Element("type", charge.Type.Code());
        xml.Element("mRID", charge.Code);
        xml.Element("effectiveDate", DemoTime.Seconds(effective));
    }

    private static void Close(CimXmlDocument xml)
    {
        xml.End();
        xml.End();
        xml.End();
    }

    private static void Series(CimXmlDocument xml, Resolution resolution, Interval interval, IEnumerable<decimal> prices)
    {
        xml.Start("Series_Period");
        xml.Element("resolution", resolution.Code);
        xml.Start("timeInterval");
        xml.Element("start", DemoTime.Minutes(interval.Start));
        xml.Element("end", DemoTime.Minutes(interval.End));
        xml.End();
        var position = 0;
        foreach (var price in prices)
        {
            xml.Start("Point");
            xml.Element("position", (++position).ToString(CultureInfo.InvariantCulture));
            xml.Element("price.amount", price.ToString("0.000000", CultureInfo.InvariantCulture));
            xml.End();
        }

        xml.End();
    }
}
