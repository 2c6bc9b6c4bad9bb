using BiO.Hosting;

// BiO silo. `BiO.Silo migrate` applies the schema migrations and exits; anything else runs the silo.
if (args.Length > 0 && args[0] == "migrate")
{
    return await BiOHost.MigrateAsync(args[1..]);
}

await BiOHost.BuildSilo(args).RunAsync();
return 0;
