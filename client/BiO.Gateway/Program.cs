using BiO.Hosting;

// The integration gateway as its own Orleans client process (Cluster profile).
await BiOHost.BuildGateway(args).RunAsync();
