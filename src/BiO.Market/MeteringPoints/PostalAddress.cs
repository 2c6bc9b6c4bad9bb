namespace BiO.Market.MeteringPoints;

/// <summary>
/// The installation address of a metering point (<c>usagePointLocation.mainAddress</c>), every part as sent and
/// optional.
/// </summary>
/// <param name="StreetCode">The municipality's street code.</param>
/// <param name="StreetName">The street.</param>
/// <param name="BuildingNumber">The house number.</param>
/// <param name="Floor">The floor.</param>
/// <param name="Suite">The door ("tv", "th", "2").</param>
/// <param name="MunicipalityCode">The municipality code (<c>townDetail.code</c>).</param>
/// <param name="City">The town (<c>townDetail.name</c>).</param>
/// <param name="CitySubDivision">A part of the town (<c>townDetail.section</c>).</param>
/// <param name="Country">Two capital letters, DK.</param>
/// <param name="PostalCode">The postal code.</param>
public sealed record PostalAddress(
    string? StreetCode,
    string? StreetName,
    string? BuildingNumber,
    string? Floor,
    string? Suite,
    string? MunicipalityCode,
    string? City,
    string? CitySubDivision,
    string? Country,
    string? PostalCode);
