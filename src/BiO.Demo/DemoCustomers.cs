using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Demo;

/// <summary>A customer account of the demo (the invoice recipient), as the later gateway takes it.</summary>
/// <param name="AccountId">Our account number.</param>
/// <param name="Name">The customer's name (a person or a small company).</param>
/// <param name="MeteringPoints">The electricity points of the account (one, sometimes two: a summer house).</param>
/// <param name="Products">Non-metered products on the account (broadband, TV, telephony), often none.</param>
public sealed record CustomerAccount(string AccountId, string Name, IReadOnlyList<SuppliedPoint> MeteringPoints, IReadOnlyList<NonMeteredProduct> Products);

/// <summary>An electricity contract of an account.</summary>
/// <param name="MeteringPoint">The GSRN.</param>
/// <param name="ProductCode">Our electricity product.</param>
/// <param name="ContractStart">The local day the contract (and our supply) starts.</param>
/// <param name="PayerAccountId">Who pays: the account itself, or for some points another account.</param>
public sealed record SuppliedPoint(Gsrn MeteringPoint, string ProductCode, LocalDate ContractStart, string PayerAccountId);

/// <summary>A monthly fee product that is not metered.</summary>
/// <param name="ProductCode">The product code.</param>
/// <param name="Description">What it is.</param>
/// <param name="MonthlyPrice">DKK per month excl. VAT.</param>
/// <param name="Start">The local day it started.</param>
public sealed record NonMeteredProduct(string ProductCode, string Description, decimal MonthlyPrice, LocalDate Start);

/// <summary>
/// Groups the demo's metering points into customer accounts, in point order: a point joins the account of the one
/// before it now and then (a summer house); about 3 in 100 points are paid by the account before; about 15 in 100
/// accounts also have broadband, TV or telephony.
/// </summary>
internal static class DemoCustomers
{
    private static readonly string[] FirstNames =
        ["Anne", "Mette", "Kirsten", "Hanne", "Camilla", "Louise", "Sofie", "Ida", "Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Mads", "Frederik", "Emil"];

    private static readonly string[] LastNames =
        ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Møller"];

    private static readonly (string Code, string Description, decimal Price)[] Extras =
    [
        ("BB-500", "Bredbånd 500/500 Mbit", 279.00m),
        ("TV-MELLEM", "TV mellempakke", 349.00m),
        ("MOB-FRI20", "Mobil fri tale og 20 GB", 129.00m),
    ];

    private static readonly (string Code, int Weight)[] Products = [("EL-SPOT", 70), ("EL-GROEN", 20), ("EL-FAST12", 10)];

    public static IEnumerable<CustomerAccount> Of(DemoOptions options, Func<int, DemoMeteringPoint> pointAt)
    {
        var number = 0;
        var points = new List<SuppliedPoint>();
        string? previous = null;
        var first = default(DemoMeteringPoint);
        for (var i = 0; i < options.MeteringPoints; i++)
        {
            var point = pointAt(i);
            first ??= point;
            var account = AccountId(options.Seed, number);
            var random = new DemoRandom(options.Seed, 5, i);
            var payer = previous is not null && random.Chance(0.03) ? previous : account;
            points.Add(new SuppliedPoint(point.Gsrn, Product(ref random), point.SupplyStart, payer));
            var last = i == options.MeteringPoints - 1;
            if (!last && random.Chance(0.06))
            {
                continue;
            }

            yield return Account(options.Seed, number, first, points);
            previous = account;
            number++;
            points = [];
            first = null;
        }
    }

    public static string AccountId(int seed, int number) => $"A{Math.Abs(seed % 100):D2}{number + 1:D7}";

    private static CustomerAccount Account(int seed, int number, DemoMeteringPoint first, List<SuppliedPoint> points)
    {
        var random = new DemoRandom(seed, 6, number);
        var surname = random.Pick(LastNames);
        var name = random.Chance(0.05) ? $"{surname} ApS" : $"{random.Pick(FirstNames)} {surname}";
        var extras = new List<NonMeteredProduct>();
        if (random.Chance(0.15))
        {
            foreach (var extra in Extras)
            {
                if (extras.Count == 0 || random.Chance(0.4))
                {
                    extras.Add(new NonMeteredProduct(extra.Code, extra.Description, extra.Price, first.SupplyStart.PlusDays(random.Next(0, 60))));
                }
            }
        }

        return new CustomerAccount(AccountId(seed, number), name, points, extras);
    }

    private static string Product(ref DemoRandom random)
    {
        var draw = random.Next(0, 100);
        foreach (var (code, weight) in Products)
        {
            if (draw < weight)
            {
                return code;
            }

            draw -= weight;
        }

        return Products[0].Code;
    }
}
