namespace BiO.Market.Tests;

/// <summary>A fact over files of ../shared/datahub: skipped with <see cref="SharedTheoryAttribute.AbsentReason"/> when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedDataHub.Root is null)
        {
            Skip = SharedTheoryAttribute.AbsentReason;
        }
    }
}
