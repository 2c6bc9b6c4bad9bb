using BiO.Hosting;

// The market adapter: an Orleans client that takes DataHub documents in, stores them and hands them to the grains.
await BiOHost.BuildMarketAdapter(args).RunAsync();
