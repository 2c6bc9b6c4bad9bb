using BiO.Domain.Market;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// A metering point, keyed by GSRN. Activated by documents on its stream (implicit subscription) or by calls.
/// </summary>
[ImplicitStreamSubscription(StreamNames.MeteringPointDocuments)]
public sealed class MeteringPointGrain(
    [PersistentState("meteringPoint", StorageNames.Grains)] IPersistentState<MeteringPointState> state,
    IClock clock,
    ILogger<MeteringPointGrain> logger)
    : Grain, IMeteringPointGrain, IStreamSubscriptionObserver, IAsyncObserver<MarketDocumentNotice>
{
    private Gsrn Gsrn => Gsrn.Parse(this.GetPrimaryKeyString());

    Task<DocumentReceipt> IMeteringPointGrain.ReceiveAsync(MarketDocumentNotice document) => ApplyAsync(document);

    private async Task<DocumentReceipt> ApplyAsync(MarketDocumentNotice document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Gsrn != Gsrn.Value)
        {
            throw new ArgumentException(
                $"Document {document.DocumentId} concerns metering point {document.Gsrn}, not {Gsrn}.", nameof(document));
        }

        var header = new DocumentHeader(document.DocumentId, document.DocumentType, document.Period);
        var documents = state.State.Documents;
        if (DocumentIntake.Decide(header, documents.ContainsKey) == IntakeOutcome.Duplicate)
        {
            return documents[document.DocumentId] with { Duplicate = true };
        }

        var now = clock.GetCurrentInstant();
        var receipt = new DocumentReceipt(
            document.DocumentId, document.DocumentType, document.Period, BillingTime.DaysOf(document.Period), now, Duplicate: false);
        state.State.FirstSeen ??= now;
        documents[document.DocumentId] = receipt;
        await state.WriteStateAsync();
        return receipt;
    }

    Task<MeteringPointSnapshot> IMeteringPointGrain.GetSnapshotAsync() =>
        Task.FromResult(new MeteringPointSnapshot(
            Gsrn.Value,
            state.State.FirstSeen,
            state.State.Documents.Values.OrderBy(d => d.ReceivedAt).ThenBy(d => d.DocumentId, StringComparer.Ordinal).ToList()));

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MarketDocumentNotice>().ResumeAsync(this);

    async Task IAsyncObserver<MarketDocumentNotice>.OnNextAsync(MarketDocumentNotice item, StreamSequenceToken? token)
    {
        try
        {
            await ApplyAsync(item);
        }
        catch (ArgumentException ex)
        {
            // The adapter validates before publishing and keeps every document; a bad one here is logged, not retried forever.
            logger.LogError(ex, "Metering point {Gsrn} rejected streamed document {DocumentId}: {Reason}", Gsrn, item.DocumentId, ex.Message);
        }
    }

    Task IAsyncObserver<MarketDocumentNotice>.OnCompletedAsync() => Task.CompletedTask;

    Task IAsyncObserver<MarketDocumentNotice>.OnErrorAsync(Exception ex) => Task.CompletedTask;
}
