using BiO.Domain.MeteringPoints;

namespace BiO.Domain.Tests;

public class GsrnTests
{
    [Fact]
    public void Eighteen_digits_are_a_gsrn() => Assert.Equal("571313000000002000", Gsrn.Parse("571313000000002000").Value);

    [Theory]
    [InlineData("57131300000000200", "17 characters")]
    [InlineData("5713130000000020001", "19 characters")]
    [InlineData("57131300000000200X", "'57131300000000200X'")]
    [InlineData("", "got nothing")]
    [InlineData(null, "got nothing")]
    public void Anything_else_is_refused_saying_what_was_found(string? text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Gsrn.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
