using BiO.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BiO.MarketAdapter;

/// <summary>The market adapter process: an Orleans client with the market intake endpoints.</summary>
public static class MarketAdapterApp
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var app = BiOHost.BuildMarketAdapter(args, overrides);
        app.MapMarketNotices();
        return app;
    }
}
