using BiO.Domain.Time;

namespace BiO.Domain.Tests;

public class LayeringTests
{
    // Clocks and I/O are kept out of the domain at build time by BannedApiAnalyzers (src/BiO.Domain/BannedSymbols.txt).
    [Fact]
    public void The_domain_references_only_the_base_library_and_NodaTime()
    {
        var references = typeof(BillingTime).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("NodaTime", references);
        var foreign = references.Where(n => n != "NodaTime" && n != "netstandard" && !n.StartsWith("System", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "BiO.Domain must stay pure (BCL + NodaTime); it references: " + string.Join(", ", foreign));
    }
}
