using BiO.Domain.Invoicing;
using CsCheck;

namespace BiO.Domain.Tests.Invoicing;

public class InvoiceNumberTests
{
    [Fact]
    public void An_invoice_number_is_its_series_and_a_number_of_at_least_six_digits()
    {
        Assert.Equal("BIO-2026-000123", new InvoiceNumber("BIO-2026", 123).ToString());
        Assert.Equal("BIO-2026-1234567", new InvoiceNumber("BIO-2026", 1_234_567).ToString());
        Assert.Equal(new InvoiceNumber("BIO-2026", 124), new InvoiceNumber("BIO-2026", 123).Next());
        var parsed = InvoiceNumber.Parse("BIO-2026-000123");
        Assert.Equal("BIO-2026", parsed.Series);
        Assert.Equal(123L, parsed.Number);
        Assert.Equal(new InvoiceNumber("X", 1), InvoiceNumber.Parse("X-000001"));
    }

    [Theory]
    [InlineData("BIO-2026-123", "at least 6 digits")]
    [InlineData("BIO-2026-0001234", "leading zeros")]
    [InlineData("BIO-2026-000000", "positive")]
    [InlineData("bio-2026-000123", "upper-case")]
    [InlineData("BIO--000123", "single hyphens")]
    [InlineData("000123", "SERIES-NNNNNN")]
    [InlineData("", "SERIES-NNNNNN")]
    [InlineData("BIO-2026-00012a", "'00012a'")]
    public void Malformed_invoice_numbers_are_refused_saying_why(string text, string why)
    {
        Assert.False(InvoiceNumber.TryParse(text, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.Contains(why, Assert.Throws<FormatException>(() => InvoiceNumber.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_and_numbers_are_checked_when_made()
    {
        Assert.Equal("number", Assert.Throws<ArgumentOutOfRangeException>(() => new InvoiceNumber("BIO", 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new InvoiceNumber("BIO-", 1)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new InvoiceNumber("1BIO", 1)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new InvoiceNumber(new string('A', 21), 1)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new InvoiceNumber(null!, 1)).ParamName);
    }

    [Fact]
    public void Written_numbers_read_back_as_themselves()
    {
        var letter = Gen.Char['A', 'Z'];
        var part = Gen.OneOf(letter, Gen.Char['0', '9']).Array[1, 5].Select(c => new string(c));
        var series = Gen.Select(letter, part.Array[0, 3]).Select((first, parts) => string.Join("-", parts.Prepend(first.ToString())))
            .Where(s => s.Length <= InvoiceNumber.MaxSeriesLength);
        Gen.Select(series, Gen.Long[1, 999_999_999_999]).Sample((s, n) =>
        {
            var number = new InvoiceNumber(s, n);
            var text = number.ToString();
            Assert.Equal(number, InvoiceNumber.Parse(text));
            Assert.True(text.Length - s.Length - 1 >= InvoiceNumber.MinDigits);
        });
    }
}
