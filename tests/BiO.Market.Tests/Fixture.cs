namespace BiO.Market.Tests;

/// <summary>Our own fixtures (Fixtures/**, copied to the output folder): no dependency on ../shared.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static Stream Open(string name) => File.OpenRead(PathOf(name));
}
