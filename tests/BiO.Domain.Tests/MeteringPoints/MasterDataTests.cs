using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Domain.Tests.MeteringPoints;

public class MasterDataTests
{
    private static readonly Gsrn Point = Gsrn.Parse("571313000000002000");
    private static readonly Instant January = Instant.FromUtc(2025, 12, 31, 23, 0);

    [Fact]
    public void The_version_valid_at_an_instant_is_the_latest_that_started_before_it()
    {
        var first = new MasterData(Point, "E17", SettlementMethod.Flex, "344", "DK1", January);
        var moved = new MasterData(Point, "E17", SettlementMethod.Flex, "344", "DK2", January + Duration.FromDays(40));
        var history = MasterDataHistory.Empty.With(moved).With(first);

        Assert.Null(history.At(January - Duration.FromSeconds(1)));
        Assert.Equal("DK1", history.At(January + Duration.FromDays(39))!.PriceArea);
        Assert.Equal("DK2", history.At(January + Duration.FromDays(40))!.PriceArea);
        Assert.Equal(2, history.With(moved).Versions.Count);
    }

    [Theory]
    [InlineData("E99", "344", "DK1", "type 'E99'")]
    [InlineData("E17", "34", "DK1", "grid area '34'")]
    [InlineData("E17", "344", "DK3", "price area 'DK3'")]
    public void Malformed_codes_are_refused_naming_the_point_and_field(string type, string gridArea, string priceArea, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new MasterData(Point, type, null, gridArea, priceArea, January));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(Point.Value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_point_has_a_parent_other_than_itself()
    {
        var child = new MasterData(Gsrn.Parse("571313000000002017"), "D07", null, "344", "DK1", January, Point);
        Assert.True(child.IsChild);
        Assert.Throws<ArgumentException>(() => new MasterData(Point, "D07", null, "344", "DK1", January, Point));
        Assert.Throws<ArgumentException>(() => MasterDataHistory.Empty.With(child).With(new MasterData(Point, "E17", null, "344", "DK1", January)));
    }
}
