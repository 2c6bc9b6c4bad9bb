using BiO.Demo;
using BiO.MarketIntake;
using BiO.MarketIntake.ReRequests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BiO.Hosting.Demo;

/// <summary>Registers the demo job on a silo host.</summary>
public static class DemoRegistration
{
    /// <summary>
    /// When BiO:Demo is on for the profile: the demo month (<see cref="DemoSettings"/>), its grid areas' price areas in
    /// the intake's table (configured entries win), the simulated DataHub of that month as the RSM-015 channel, and
    /// <see cref="DemoJob"/>. Call after the market intake is added.
    /// </summary>
    /// <exception cref="InvalidOperationException">The demo is switched on in the Cluster profile, or a setting is out of range.</exception>
    public static WebApplicationBuilder AddBiODemo(this WebApplicationBuilder builder, BiOSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var demo = DemoSettings.From(builder.Configuration);
        if (!demo.IsOn(settings.Profile))
        {
            return builder;
        }

        if (settings.Profile != Profile.Embedded)
        {
            throw new InvalidOperationException($"{DemoSettings.Section}:Enabled needs the Embedded profile: the demo puts its documents through the silo's own market intake.");
        }

        var month = new DemoMonth(demo.ToDemoOptions());
        builder.Services.AddSingleton(demo);
        builder.Services.AddSingleton(month);
        builder.Services.PostConfigure<MarketIntakeOptions>(o =>
        {
            foreach (var (gridArea, priceArea) in month.Options.GridAreaPriceAreas)
            {
                o.GridAreaPriceAreas.TryAdd(gridArea, priceArea);
            }
        });
        builder.Services.AddSimulatedDataHub(month);
        builder.Services.AddSingleton<DemoJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoJob>());
        return builder;
    }
}
