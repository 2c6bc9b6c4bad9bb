using BiO.Grains.MeteringPoints;
using BiO.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BiO.Integration.Tests;

public class SiloSettingsTests
{
    private static async Task<GrainCollectionOptions> CollectionOptionsOfAsync(Dictionary<string, string?> settings)
    {
        await using var silo = BiOHost.BuildSilo([], new Dictionary<string, string?>(settings) { ["BiO:Demo:Enabled"] = "false" });
        return silo.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
    }

    [Fact]
    public async Task Metering_points_stay_active_a_little_over_a_day_by_default_and_memory_pressure_sheds_idle_grains()
    {
        var options = await CollectionOptionsOfAsync([]);

        // Keyed as Orleans looks it up: by the grain class's full name.
        Assert.Equal(TimeSpan.FromHours(26), options.ClassSpecificCollectionAge[typeof(MeteringPointGrain).FullName!]);
        Assert.True(options.CollectionAge < TimeSpan.FromHours(26)); // other grains keep Orleans' default
        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
    }

    [Fact]
    public async Task The_idle_limit_of_metering_points_is_a_setting()
    {
        var options = await CollectionOptionsOfAsync(new() { ["BiO:Silo:MeteringPointIdleLimit"] = "02:00:00" });

        Assert.Equal(TimeSpan.FromHours(2), options.ClassSpecificCollectionAge[typeof(MeteringPointGrain).FullName!]);
    }
}
