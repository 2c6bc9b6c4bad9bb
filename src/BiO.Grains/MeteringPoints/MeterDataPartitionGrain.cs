using Orleans.Streams;
using Orleans.Streams.Core;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// Hands the metering points of one partition their meter data notices (stream <see cref="StreamNames.MeterDataPartition"/>,
/// key = partition). Stateless in effect: the notices are idempotent at the metering point.
/// </summary>
[ImplicitStreamSubscription(StreamNames.MeterDataPartition)]
public sealed class MeterDataPartitionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver
{
    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MeterDataBatch>().ResumeAsync((batch, _) =>
            Task.WhenAll(batch.Unpack().Select(a => GrainFactory.GetGrain<IMeteringPointGrain>(a.Gsrn).MeterDataArrivedAsync(a))));
}
