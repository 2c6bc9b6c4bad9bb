using NodaTime;
using NodaTime.Text;

namespace BiO.Demo.Writers;

/// <summary>CIM times: UTC with a 'Z', to the minute (intervals) or the second (created and registered times).</summary>
internal static class DemoTime
{
    private static readonly InstantPattern MinutesPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");
    private static readonly InstantPattern SecondsPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    public static string Minutes(Instant instant) => MinutesPattern.Format(instant);

    public static string Seconds(Instant instant) => SecondsPattern.Format(instant);
}
