using NodaTime;
using NodaTime.Text;

namespace BiO.Testing;

/// <summary>Our own AccountingPointCharacteristics (E07) master data documents (CIM XML) for the end-to-end tests.</summary>
public static class AccountingPoint
{
    /// <summary>A consumption point (E17, flex settlement D01) of one grid area, valid from an instant.</summary>
    public static string Xml(string documentId, string gsrn, Instant validFrom, string gridArea = "344")
    {
        var from = InstantPattern.General.Format(validFrom);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <cim:AccountingPointCharacteristics_MarketDocument xmlns:cim="urn:ediel.org:structure:accountingpointcharacteristics:0:1">
              <cim:mRID>{documentId}</cim:mRID>
              <cim:type>E07</cim:type>
              <cim:process.processType>E03</cim:process.processType>
              <cim:businessSector.type>23</cim:businessSector.type>
              <cim:sender_MarketParticipant.mRID codingScheme="A10">5790001330552</cim:sender_MarketParticipant.mRID>
              <cim:sender_MarketParticipant.marketRole.type>DDZ</cim:sender_MarketParticipant.marketRole.type>
              <cim:receiver_MarketParticipant.mRID codingScheme="A10">5790002000001</cim:receiver_MarketParticipant.mRID>
              <cim:receiver_MarketParticipant.marketRole.type>DDQ</cim:receiver_MarketParticipant.marketRole.type>
              <cim:createdDateTime>{from}</cim:createdDateTime>
              <cim:MktActivityRecord>
                <cim:mRID>{documentId}-1</cim:mRID>
                <cim:validityStart_DateAndOrTime.dateTime>{from}</cim:validityStart_DateAndOrTime.dateTime>
                <cim:MarketEvaluationPoint>
                  <cim:mRID codingScheme="A10">{gsrn}</cim:mRID>
                  <cim:type>E17</cim:type>
                  <cim:settlementMethod>D01</cim:settlementMethod>
                  <cim:meteringMethod>D01</cim:meteringMethod>
                  <cim:connectionState>E22</cim:connectionState>
                  <cim:readCycle>PT15M</cim:readCycle>
                  <cim:meteringGridArea_Domain.mRID codingScheme="NDK">{gridArea}</cim:meteringGridArea_Domain.mRID>
                  <cim:energySupplier_MarketParticipant.mRID codingScheme="A10">5790002000001</cim:energySupplier_MarketParticipant.mRID>
                  <cim:supplyStart_DateAndOrTime.dateTime>{from}</cim:supplyStart_DateAndOrTime.dateTime>
                </cim:MarketEvaluationPoint>
              </cim:MktActivityRecord>
            </cim:AccountingPointCharacteristics_MarketDocument>
            """;
    }
}
