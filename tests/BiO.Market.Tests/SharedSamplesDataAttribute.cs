using System.Reflection;
using Xunit.Sdk;

namespace BiO.Market.Tests;

/// <summary>
/// <c>[MemberData]</c> for rows that come from ../shared/datahub. xunit 2.9.3 fails a theory whose data is empty,
/// so when ../shared is absent the theory is reported as skipped at discovery (with this reason) instead of
/// yielding no rows; <see cref="ConformanceTests.Shared_datahub_presence_is_stated"/> states which case ran.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedSamplesDataAttribute(string memberName) : MemberDataAttributeBase(memberName, [])
{
    public const string AbsentReason = "../shared/datahub is not beside this clone (CI always has it): no DataHub samples to check.";

    public override string? Skip
    {
        get => SharedDataHub.Root is null ? AbsentReason : base.Skip;
        set => base.Skip = value;
    }

    protected override object[] ConvertDataItem(MethodInfo testMethod, object item) =>
        item as object[] ?? throw new ArgumentException($"{MemberName} must yield object[] rows.", nameof(item));
}
