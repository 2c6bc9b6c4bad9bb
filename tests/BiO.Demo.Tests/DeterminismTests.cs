using System.Security.Cryptography;

namespace BiO.Demo.Tests;

public sealed class DeterminismTests
{
    private static List<(string Kind, string Id, string Hash)> Fingerprint(DemoOptions options) =>
        new DemoMonth(options).Documents().Select(d => (d.Kind, d.DocumentId, Convert.ToHexString(SHA256.HashData(d.Body)))).ToList();

    private static List<string> Accounts(DemoOptions options) => new DemoMonth(options).Customers()
        .Select(a => $"{a.AccountId}|{a.Name}|{string.Join(",", a.MeteringPoints)}|{string.Join(",", a.Products)}").ToList();

    [Fact]
    public void The_same_options_give_the_same_documents_byte_for_byte()
    {
        var options = Documents.Small with { MeteringPoints = 25 };

        Assert.Equal(Fingerprint(options), Fingerprint(options with { }));
        Assert.Equal(Accounts(options), Accounts(options with { }));
    }

    [Fact]
    public void Another_seed_gives_other_meter_data()
    {
        var options = Documents.Small with { MeteringPoints = 25 };
        var one = Fingerprint(options).Where(d => d.Kind == DocumentKinds.MeterData).Select(d => d.Hash);
        var other = Fingerprint(options with { Seed = 43 }).Where(d => d.Kind == DocumentKinds.MeterData).Select(d => d.Hash);

        Assert.Empty(one.Intersect(other));
    }

    [Fact]
    public void Document_ids_are_unique()
    {
        var ids = new DemoMonth(Documents.Small).Documents().Select(d => d.DocumentId).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_point_is_the_same_whether_drawn_alone_or_in_sequence()
    {
        var month = new DemoMonth(Documents.Small);

        Assert.Equal(month.Points().ToList(), Enumerable.Range(0, Documents.Small.MeteringPoints).Select(i => DemoPoints.At(Documents.Small, i)).ToList());
        Assert.All(month.Points(), p => Assert.Equal(p.Index, DemoPoints.IndexOf(Documents.Small.Seed, p.Gsrn, Documents.Small.MeteringPoints)));
        Assert.All(month.Points(), p => Assert.Null(BiO.Market.Supply.SupplyChangeValidator.CheckGsrn(p.Gsrn)));
    }
}
