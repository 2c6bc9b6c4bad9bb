using System.Text.Json.Serialization;
using BiO.Grains.Charges;
using BiO.Grains.MeteringPoints;
using BiO.Market.Charges;
using BiO.Market.Cim;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;
using BiO.Market.Spot;
using BiO.Market.Supply;
using BiO.Grains.Spot;
using Microsoft.Extensions.Options;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;
using BiO.MarketIntake.ReRequests;
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

/// <summary>The answer to a posted document; <paramref name="Transactions"/> counts its series or charges.</summary>
public sealed record IntakeResult(IntakeStatus Status, string? DocumentId, IReadOnlyList<string> Reasons, int Transactions = 0, long? RejectionId = null);

/// <summary>
/// The market adapter's intake: read (CIM JSON or XML by content type), validate, store the document durably, then
/// hand its meter data to the cluster (<see cref="MeterDataPublisher"/>) before answering. A document the cluster did
/// not get is replayed by <see cref="ReplayAsync"/>; every step is idempotent.
/// </summary>
public sealed class MarketIntake(
    IMarketDocumentStore documents, MeterDataPublisher publisher, IGrainFactory grains, IOptions<MarketIntakeOptions> options, IClock clock, MeterDataAnswers answers)
{
    /// <summary>Takes a document received now (by the clock), as HTTP does.</summary>
    public Task<IntakeResult> AcceptAsync(string? contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        AcceptAsync(contentType, body, clock.GetCurrentInstant(), cancellationToken);

    /// <summary>
    /// Takes a document received at <paramref name="receivedAt"/>: the instant its meter data versions are dated by
    /// (the latest received wins), so a caller taking documents concurrently (the inbox) fixes their order by it.
    /// </summary>
    public async Task<IntakeResult> AcceptAsync(string? contentType, ReadOnlyMemory<byte> body, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        var result = await AnswerAsync(contentType, body, receivedAt, cancellationToken);
        IntakeMetrics.Answered(result);
        return result;
    }

    private async Task<IntakeResult> AnswerAsync(string? contentType, ReadOnlyMemory<byte> body, Instant now, CancellationToken cancellationToken)
    {
        var type = contentType ?? string.Empty;
        Parsed parsed;
        try
        {
            parsed = Parse(type, body, now);
        }
        catch (DocumentReadException ex)
        {
            return await RejectAsync(ex.DocumentId, type, body, [ex.Message], now, cancellationToken);
        }

        if (parsed.Problems.Count > 0)
        {
            return await RejectAsync(parsed.DocumentId, type, body, parsed.Problems, now, cancellationToken);
        }

        var received = new ReceivedDocument(parsed.DocumentId, parsed.DocumentType, type, body, now);
        var outcome = parsed.StoreAndHandOverAsync is { } together
            ? await together(received, cancellationToken) // meter data: stored and handed over in the publisher's round
            : await documents.StoreAsync(received, cancellationToken);
        switch (outcome)
        {
            case StoreOutcome.Duplicate:
                return new IntakeResult(IntakeStatus.Duplicate, parsed.DocumentId, [], parsed.Transactions);
            case StoreOutcome.IdReused:
                return await RejectAsync(parsed.DocumentId, type, body,
                    [$"Document {parsed.DocumentId}: this mRID was received before with other content; a document id must not be reused."], now, cancellationToken);
        }

        if (parsed.StoreAndHandOverAsync is null)
        {
            await parsed.HandToClusterAsync(cancellationToken);
        }

        return new IntakeResult(IntakeStatus.Accepted, parsed.DocumentId, [], parsed.Transactions);
    }

    /// <summary>Hands the stored documents the cluster has not had yet to it (after a failed hand-over or a crash).</summary>
    /// <returns>How many were replayed.</returns>
    public async Task<int> ReplayAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        var pending = await documents.UnpublishedAsync(limit, cancellationToken);
        foreach (var stored in pending)
        {
            await Parse(stored.ContentType, stored.Body, stored.ReceivedAt).HandToClusterAsync(cancellationToken);
        }

        return pending.Count;
    }

    private Parsed Parse(string contentType, ReadOnlyMemory<byte> body, Instant receivedAt)
    {
        var root = CimDocuments.RootName(contentType, body);
        var json = CimDocuments.IsJson(contentType);
        switch (root)
        {
            case ValidatedMeasureDataJsonReader.RootName:
            {
                var document = json ? ValidatedMeasureDataJsonReader.Read(body.Span) : ValidatedMeasureDataXmlReader.Read(Stream(body));
                var id = document.Header.DocumentId;
                var problems = MeasureDataValidator.Validate(document).Select(p => p.ToString()).ToList();
                IReadOnlyList<StoredSeries> series = [];
                if (problems.Count == 0)
                {
                    try
                    {
                        series = MeasureDataMapping.ToStoredSeries(document, receivedAt);
                    }
                    catch (ArgumentException ex)
                    {
                        problems.Add($"Document {id}: {ex.Message}");
                    }
                }

                if (document.Header.Process != ProcessType.HistoricalData)
                {
                    return new Parsed(id, document.Header.Type, problems, document.Series.Count, ct => publisher.PublishAsync(id, series, ct))
                    {
                        StoreAndHandOverAsync = (received, ct) => publisher.AcceptAsync(received, series, ct),
                    };
                }

                // E30 answers our RSM-015 requests (rare): stored alone, then recorded on the outbox once the meter data is handed over.
                return new Parsed(id, document.Header.Type, problems, document.Series.Count, async ct =>
                {
                    await publisher.PublishAsync(id, series, ct);
                    await answers.RecordAsync(document, ct);
                });
            }

            case RequestDocumentsJsonReader.RejectRoot:
            {
                var document = json ? RequestDocumentsJsonReader.ReadReject(Stream(body)) : RequestDocumentsXmlReader.ReadReject(Stream(body));
                var id = document.Header.DocumentId;
                return new Parsed(id, document.Header.Type, [], document.Series.Count, ct => HandOverAsync(id, [document], r => answers.RecordAsync(r, ct), ct));
            }

            case PriceListJsonReader.RootName:
            {
                var document = json ? PriceListJsonReader.Read(Stream(body)) : PriceListXmlReader.Read(Stream(body));
                var id = document.Header.DocumentId;
                var problems = PriceListValidator.Validate(document).Select(p => p.ToString()).ToList();
                var updates = problems.Count == 0 ? PriceListMapping.ToChargeUpdates(document, receivedAt) : [];
                return new Parsed(id, document.Header.Type, problems, updates.Count, ct => HandOverAsync(id, updates, ApplyChargeAsync, ct));
            }

            case BillingMasterDataXmlReader.RootName:
            {
                var document = json ? BillingMasterDataJsonReader.Read(Stream(body)) : BillingMasterDataXmlReader.Read(Stream(body));
                var id = document.Header.DocumentId;
                var problems = ChargeLinkValidator.Validate(document).Select(p => p.ToString()).ToList();
                var perPoint = problems.Count == 0 ? ChargeLinkMapping.ToMeteringPoints(document) : [];
                return new Parsed(id, document.Header.Type, problems, perPoint.Count, ct => HandOverAsync(id, perPoint, links => Point(links.Gsrn).ReceiveChargeLinksAsync(links), ct));
            }

            case AccountingPointCharacteristicsXmlReader.RootName:
            {
                var document = json ? AccountingPointCharacteristicsJsonReader.Read(Stream(body)) : AccountingPointCharacteristicsXmlReader.Read(Stream(body));
                var id = document.Header.DocumentId;
                var problems = AccountingPointValidator.Validate(document).Select(p => p.ToString()).ToList();
                var versions = new List<MasterDataReceived>();
                for (var i = 0; i < document.Records.Count && problems.Count == 0; i++)
                {
                    var record = document.Records[i];
                    var mapped = MasterDataMapping.Map(id, i, record, area => options.Value.GridAreaPriceAreas.GetValueOrDefault(area));
                    problems.AddRange(mapped.Problems.Select(p => p.ToString()));
                    if (mapped.MasterData is { } m)
                    {
                        versions.Add(new MasterDataReceived(id, m.Gsrn.Value, m.Type, record.MeteringPoint.SettlementMethod, m.GridArea, m.PriceArea, m.ValidFrom, m.Parent?.Value));
                    }
                }

                return new Parsed(id, document.Header.Type, problems, versions.Count, ct => HandOverAsync(id, versions, m => Point(m.Gsrn).ReceiveMasterDataAsync(m), ct));
            }

            case ChangeOfSupplierXmlReader.RequestRoot:
            {
                var document = json ? ChangeOfSupplierJsonReader.ReadRequest(Stream(body)) : ChangeOfSupplierXmlReader.ReadRequest(Stream(body));
                var id = document.Header.DocumentId;
                var problems = SupplyChangeValidator.Validate(document).Select(p => p.ToString()).ToList();
                var requests = document.Records
                    .Select(r => new SupplyRequested(id, r.MeteringPoint.Value, r.TransactionId, document.Header.Process.Code(), r.Start))
                    .ToList();
                return new Parsed(id, document.Header.Type, problems, requests.Count, ct => HandOverAsync(id, requests, r => Point(r.Gsrn).RequestSupplyChangeAsync(r), ct));
            }

            case ChangeOfSupplierXmlReader.ConfirmRoot:
            {
                var document = json ? ChangeOfSupplierJsonReader.ReadConfirm(Stream(body)) : ChangeOfSupplierXmlReader.ReadConfirm(Stream(body));
                var answers = document.Records.Select((r, i) => SupplyAnswerMapping.Answer(document.Header.DocumentId, i, r.TransactionId, r.OriginalTransactionId, r.MeteringPoint, true, [])).ToList();
                return SupplyAnswers(document.Header, answers);
            }

            case ChangeOfSupplierXmlReader.RejectRoot:
            {
                var document = json ? ChangeOfSupplierJsonReader.ReadReject(Stream(body)) : ChangeOfSupplierXmlReader.ReadReject(Stream(body));
                var answers = document.Records.Select((r, i) => SupplyAnswerMapping.Answer(document.Header.DocumentId, i, r.TransactionId, r.OriginalTransactionId, r.MeteringPoint, false,
                    r.Reasons.Select(reason => reason.Text is null ? reason.Code : $"{reason.Code}: {reason.Text}").ToList())).ToList();
                return SupplyAnswers(document.Header, answers);
            }

            case CimDocuments.DayAheadPrices when json:
            {
                var id = SpotPriceMapping.DocumentId(body.Span);
                var prices = DayAheadPricesReader.Read(Stream(body));
                var problems = new List<string>();
                IReadOnlyList<SpotPricesReceived> days = [];
                try
                {
                    days = SpotPriceMapping.ToDays(id, prices, receivedAt);
                }
                catch (ArgumentException ex)
                {
                    problems.Add($"{CimDocuments.DayAheadPrices}: {ex.Message}");
                }

                return new Parsed(id, CimDocuments.DayAheadPrices, problems, days.Count,
                    ct => HandOverAsync(id, days, d => grains.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of(d.PriceArea, d.Day)).ReceiveAsync(d), ct));
            }

            default:
                throw new DocumentReadException(root, null, null, "root",
                    $"'{root}' is not taken in yet; BiO takes {ValidatedMeasureDataJsonReader.RootName} (RSM-012), {PriceListJsonReader.RootName} (D12), {BillingMasterDataXmlReader.RootName} (D07), {AccountingPointCharacteristicsXmlReader.RootName} (E07), {ChangeOfSupplierXmlReader.RequestRoot}, {ChangeOfSupplierXmlReader.ConfirmRoot}, {ChangeOfSupplierXmlReader.RejectRoot} (392), {RequestDocumentsJsonReader.RejectRoot} (RSM-015 reject), each as CIM JSON or XML, and Energi Data Service's {CimDocuments.DayAheadPrices} (JSON).");
        }
    }

    private Parsed SupplyAnswers(MarketDocumentHeader header, IReadOnlyList<(SupplyAnswered? Answer, string? Problem)> answers)
    {
        var problems = answers.Select(a => a.Problem).OfType<string>().ToList();
        var valid = answers.Select(a => a.Answer).OfType<SupplyAnswered>().ToList();
        return new Parsed(header.DocumentId, header.Type, problems, valid.Count, ct => HandOverAsync(header.DocumentId, valid, a => Point(a.Gsrn).AnswerSupplyChangeAsync(a), ct));
    }

    // Hands each part of a document to its grain (each call idempotent by document id), then marks the document published.
    private async Task HandOverAsync<T>(string documentId, IEnumerable<T> parts, Func<T, Task> apply, CancellationToken cancellationToken)
    {
        await Task.WhenAll(parts.Select(apply));
        await documents.MarkPublishedAsync([documentId], cancellationToken);
    }

    private async Task ApplyChargeAsync(PriceListMapping.ChargeUpdate update)
    {
        var charge = grains.GetGrain<IChargeGrain>(update.Key);
        if (update.Definition is { } definition)
        {
            await charge.DefineAsync(definition);
        }

        if (update.Prices is { } prices)
        {
            await charge.ReceivePricesAsync(prices);
        }
    }

    private IMeteringPointGrain Point(string gsrn) => grains.GetGrain<IMeteringPointGrain>(gsrn);

    private static MemoryStream Stream(ReadOnlyMemory<byte> body) => new(body.ToArray(), writable: false);

    /// <summary>
    /// A read document: its id and type, what is wrong with it, how many transactions it carries, and how to hand it
    /// over once stored; <see cref="StoreAndHandOverAsync"/>, when set, stores and hands over in one go (meter data).
    /// </summary>
    private sealed record Parsed(string DocumentId, string DocumentType, IReadOnlyList<string> Problems, int Transactions, Func<CancellationToken, Task> HandToClusterAsync)
    {
        public Func<ReceivedDocument, CancellationToken, Task<StoreOutcome>>? StoreAndHandOverAsync { get; init; }
    }

    private async Task<IntakeResult> RejectAsync(string? documentId, string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<string> reasons, Instant now, CancellationToken cancellationToken)
    {
        var id = await documents.RejectAsync(documentId, contentType, body, reasons, now, cancellationToken);
        return new IntakeResult(IntakeStatus.Rejected, documentId, reasons, RejectionId: id);
    }
}
