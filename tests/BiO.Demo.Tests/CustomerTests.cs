namespace BiO.Demo.Tests;

public sealed class CustomerTests
{
    [Fact]
    public void Every_point_belongs_to_one_account_and_every_payer_is_an_account()
    {
        var options = Documents.Small with { MeteringPoints = 500 };
        var month = new DemoMonth(options);
        var accounts = month.Customers().ToList();
        var points = month.Points().ToDictionary(p => p.Gsrn);

        var supplied = accounts.SelectMany(a => a.MeteringPoints).ToList();
        Assert.Equal(points.Keys.Select(g => g.Value).Order(), supplied.Select(s => s.MeteringPoint.Value).Order());
        var ids = accounts.Select(a => a.AccountId).ToHashSet();
        Assert.Equal(accounts.Count, ids.Count);
        Assert.All(supplied, s => Assert.Contains(s.PayerAccountId, ids));
        Assert.All(supplied, s => Assert.Equal(points[s.MeteringPoint].SupplyStart, s.ContractStart));
        Assert.Contains(accounts, a => a.MeteringPoints.Any(p => p.PayerAccountId != a.AccountId));
        Assert.Contains(accounts, a => a.MeteringPoints.Count > 1);
        Assert.InRange(accounts.Count(a => a.MeteringPoints.All(p => p.PayerAccountId == a.AccountId)), accounts.Count * 9 / 10, accounts.Count);
        Assert.Contains(accounts, a => a.Products.Count > 0);
        Assert.All(accounts.SelectMany(a => a.Products), p => Assert.True(p.MonthlyPrice > 0));
        Assert.All(accounts, a => Assert.False(string.IsNullOrWhiteSpace(a.Name)));
    }
}
