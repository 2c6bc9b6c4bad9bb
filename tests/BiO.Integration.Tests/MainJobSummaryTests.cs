using BiO.Hosting;
using BiO.Hosting.Demo;
using Microsoft.Extensions.Configuration;

namespace BiO.Integration.Tests;

/// <summary>The main job's grouping of waiting reasons and its settings.</summary>
public class MainJobSummaryTests
{
    [Theory]
    [InlineData("571313000000002000 2026-03-14 17:00-18:00: no quantity", "no quantity")]
    [InlineData("571313000000002000 2026-03-14 17:00..2026-03-15 03:00: no quantity", "no quantity")]
    [InlineData("571313000000002000 2026-10-25 02:00-03:00 CEST: no quantity", "no quantity")]
    [InlineData("571313000000002000 2026-03-20: no quantity", "no quantity")]
    [InlineData("spot DK1: no price on 2026-03-01..2026-03-05", "spot DK1: no price")]
    [InlineData("tariff 40000 (5790000432752): no price on 2026-03-29", "tariff 40000 (5790000432752): no price")]
    [InlineData("571313000000002000: no master data on 2026-03-01..2026-03-05", "no master data")]
    [InlineData("571313000000002000: no payer", "no payer")]
    public void A_waiting_reason_is_grouped_by_what_is_missing_without_point_and_time(string reason, string group) =>
        Assert.Equal(group, WaitReasons.GroupOf(reason));

    [Fact]
    public void The_demo_is_on_by_default_in_the_embedded_profile_only_and_reads_its_month()
    {
        var defaults = DemoSettings.From(new ConfigurationBuilder().Build());
        Assert.True(defaults.IsOn(Profile.Embedded));
        Assert.False(defaults.IsOn(Profile.Cluster));
        Assert.Equal(new NodaTime.YearMonth(2026, 3), defaults.ToDemoOptions().Month);
        Assert.Equal(300, defaults.ToDemoOptions().MeteringPoints);

        var configured = DemoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BiO:Demo:Enabled"] = "false",
            ["BiO:Demo:Month"] = "2026-10",
            ["BiO:Demo:Customers"] = "20",
        }).Build());
        Assert.False(configured.IsOn(Profile.Embedded));
        Assert.Equal(new NodaTime.YearMonth(2026, 10), configured.ToDemoOptions().Month);

        var wrong = DemoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BiO:Demo:Month"] = "March" }).Build());
        Assert.Contains("BiO:Demo:Month", Assert.Throws<InvalidOperationException>(wrong.ToDemoOptions).Message, StringComparison.Ordinal);
    }
}
