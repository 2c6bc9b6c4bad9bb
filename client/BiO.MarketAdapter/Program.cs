using BiO.MarketAdapter;

// The market adapter: an Orleans client that takes market documents in and streams them to the grains.
await MarketAdapterApp.Build(args).RunAsync();
