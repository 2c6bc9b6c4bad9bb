using BiO.Domain.Market;
using NodaTime;

namespace BiO.Domain.Tests;

public class DocumentIntakeTests
{
    private static readonly Interval Day = new(Instant.FromUtc(2026, 3, 1, 23, 0), Instant.FromUtc(2026, 3, 2, 23, 0));

    [Fact]
    public void A_new_id_is_accepted_and_a_known_one_is_a_duplicate()
    {
        var seen = new HashSet<string> { "doc-1" };
        Assert.Equal(IntakeOutcome.Accepted, DocumentIntake.Decide(new DocumentHeader("doc-2", "E66", Day), seen.Contains));
        Assert.Equal(IntakeOutcome.Duplicate, DocumentIntake.Decide(new DocumentHeader("doc-1", "E66", Day), seen.Contains));
    }

    [Fact]
    public void A_header_without_id_type_or_period_is_refused_naming_the_document()
    {
        Assert.Contains("mRID", Assert.Throws<ArgumentException>(() => new DocumentHeader(" ", "E66", Day).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("doc-3", Assert.Throws<ArgumentException>(() => new DocumentHeader("doc-3", "", Day).Validate()).Message, StringComparison.Ordinal);
        var empty = new Interval(Day.Start, Day.Start);
        Assert.Contains("doc-4", Assert.Throws<ArgumentException>(() => new DocumentHeader("doc-4", "E66", empty).Validate()).Message, StringComparison.Ordinal);
    }
}
