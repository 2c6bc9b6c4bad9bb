using System.Text.Json.Serialization;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;
using BiO.Persistence.Market;
using BiO.Persistence.MeterData;
using NodaTime;

namespace BiO.MarketIntake;

/// <summary>What the intake did with a document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntakeStatus>))]
public enum IntakeStatus
{
    /// <summary>Stored and handed to the cluster.</summary>
    Accepted,

    /// <summary>Stored before with the same content: nothing changed.</summary>
    Duplicate,

    /// <summary>Refused and kept in the dead-letter store with its reasons.</summary>
    Rejected,
}

/// <summary>The answer to a posted document.</summary>
public sealed record IntakeResult(IntakeStatus Status, string? DocumentId, IReadOnlyList<string> Reasons, int Series = 0, long? RejectionId = null);

/// <summary>
/// The market adapter's intake: read (CIM JSON or XML by content type), validate, store the document durably, then
/// hand its meter data to the cluster (<see cref="MeterDataPublisher"/>) before answering. A document the cluster did
/// not get is replayed by <see cref="ReplayAsync"/>; every step is idempotent.
/// </summary>
public sealed class MarketIntake(IMarketDocumentStore documents, MeterDataPublisher publisher, IClock clock)
{
    public async Task<IntakeResult> AcceptAsync(string? contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var type = contentType ?? string.Empty;
        ValidatedMeasureData document;
        try
        {
            document = Read(type, body);
        }
        catch (DocumentReadException ex)
        {
            return await RejectAsync(ex.DocumentId, type, body, [ex.Message], now, cancellationToken);
        }

        var problems = MeasureDataValidator.Validate(document);
        if (problems.Count > 0)
        {
            return await RejectAsync(document.Header.DocumentId, type, body, problems.Select(p => p.ToString()).ToList(), now, cancellationToken);
        }

        IReadOnlyList<StoredSeries> series;
        try
        {
            series = MeasureDataMapping.ToStoredSeries(document, now);
        }
        catch (ArgumentException ex)
        {
            return await RejectAsync(document.Header.DocumentId, type, body, [$"Document {document.Header.DocumentId}: {ex.Message}"], now, cancellationToken);
        }

        var outcome = await documents.StoreAsync(new ReceivedDocument(document.Header.DocumentId, document.Header.Type, type, body, now), cancellationToken);
        switch (outcome)
        {
            case StoreOutcome.Duplicate:
                return new IntakeResult(IntakeStatus.Duplicate, document.Header.DocumentId, [], document.Series.Count);
            case StoreOutcome.IdReused:
                return await RejectAsync(document.Header.DocumentId, type, body,
                    [$"Document {document.Header.DocumentId}: this mRID was received before with other content; a document id must not be reused."], now, cancellationToken);
        }

        await publisher.PublishAsync(document.Header.DocumentId, series, cancellationToken);
        return new IntakeResult(IntakeStatus.Accepted, document.Header.DocumentId, [], document.Series.Count);
    }

    /// <summary>Publishes the stored documents the cluster has not had yet (after a failed publish or a crash).</summary>
    /// <returns>How many were replayed.</returns>
    public async Task<int> ReplayAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        var pending = await documents.UnpublishedAsync(limit, cancellationToken);
        foreach (var stored in pending)
        {
            await publisher.PublishAsync(stored.DocumentId, MeasureDataMapping.ToStoredSeries(Read(stored.ContentType, stored.Body), stored.ReceivedAt), cancellationToken);
        }

        return pending.Count;
    }

    private async Task<IntakeResult> RejectAsync(string? documentId, string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<string> reasons, Instant now, CancellationToken cancellationToken)
    {
        var id = await documents.RejectAsync(documentId, contentType, body, reasons, now, cancellationToken);
        return new IntakeResult(IntakeStatus.Rejected, documentId, reasons, RejectionId: id);
    }

    private static ValidatedMeasureData Read(string contentType, ReadOnlyMemory<byte> body)
    {
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ValidatedMeasureDataJsonReader.Read(body.Span);
        }

        if (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            return ValidatedMeasureDataXmlReader.Read(stream);
        }

        throw new DocumentReadException("market document", null, null, "Content-Type",
            $"'{contentType}' is neither CIM JSON (application/json) nor CIM XML (application/xml).");
    }
}
