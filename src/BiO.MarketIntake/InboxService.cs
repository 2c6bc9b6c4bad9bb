using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.MarketIntake;

/// <summary>
/// Takes market documents from an inbox folder through the same intake as HTTP: each *.json or *.xml file is read and
/// dispatched in ordinal name order, up to <see cref="MarketIntakeOptions.InboxConcurrency"/> at a time, and moved to
/// accepted/, duplicate/ or rejected/ (the reasons beside it) once the intake has answered it. Files are dated
/// (received instant) when dispatched, strictly increasing in name order, so a later name's meter data wins over an
/// earlier name's. A file the intake could not answer (the cluster away) stays and is tried again.
/// </summary>
public sealed partial class InboxService(MarketIntake intake, IOptions<MarketIntakeOptions> options, IClock clock, ILogger<InboxService> logger) : BackgroundService
{
    private readonly ReceivedInstants receivedInstants = new();

    // accepted/, duplicate/ and rejected/ of each inbox, made once (not a mkdir per file; made again if removed).
    private readonly ConcurrentDictionary<(string Inbox, IntakeStatus Status), DirectoryInfo> answerFolders = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Inbox))
        {
            return;
        }

        var inbox = Directory.CreateDirectory(options.Value.Inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            // A take that answered files looks again at once (a busy inbox drains fast); one that answered none waits,
            // so an empty inbox, or one whose files cannot be taken in now (the cluster away), is not spun on.
            if (await TakeAsync(inbox, stoppingToken) == 0)
            {
                await Task.Delay(options.Value.InboxPollPeriod, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Takes every document now in <paramref name="inbox"/>, at most <see cref="MarketIntakeOptions.InboxConcurrency"/>
    /// in flight (and so in memory) at once; returns when each dispatched file is answered, with how many were answered.
    /// </summary>
    public async Task<int> TakeAsync(DirectoryInfo inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var concurrency = Math.Max(1, options.Value.InboxConcurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var bodies = new BodyBudget(options.Value.InboxBytesInFlight);
        var taken = 0;
        try
        {
            foreach (var path in DocumentsInNameOrder(inbox))
            {
                await slots.WaitAsync(cancellationToken);
                var name = Path.GetFileName(path);
                byte[] body;
                try
                {
                    // Read synchronously: an inbox file is small and mostly in the page cache, and an asynchronous
                    // file read costs more in thread-pool hops than the read itself.
                    body = File.ReadAllBytes(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    slots.Release(); // gone or locked since it was listed: the next take sees it again if it is still there
                    NotTaken(ex, name);
                    continue;
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                await bodies.TakeAsync(body.Length, cancellationToken);

                // Dated when dispatched, in name order: strictly later than every file dispatched before it.
                var receivedAt = receivedInstants.Next(clock.GetCurrentInstant());
                _ = AnswerAsync(inbox, path, body, receivedAt, () => { bodies.Return(body.Length); slots.Release(); }, () => Interlocked.Increment(ref taken), cancellationToken);
            }
        }
        finally
        {
            // Every dispatched file holds a slot until it is answered (or failed): all slots free means all answered.
            for (var i = 0; i < concurrency; i++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }
        }

        return taken;
    }

    // The names of the documents in the folder, ordinal order. Only names are held (a backlog of 100,000 files is a few
    // megabytes); the bodies are read one by one as slots free up.
    private static List<string> DocumentsInNameOrder(DirectoryInfo inbox)
    {
        var paths = Directory.EnumerateFiles(inbox.FullName).Where(p => ContentType(p) is not null).ToList();
        paths.Sort((a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
        return paths;
    }

    private async Task AnswerAsync(DirectoryInfo inbox, string path, byte[] body, Instant receivedAt, Action done, Action answered, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        try
        {
            var result = await intake.AcceptAsync(ContentType(path), body, receivedAt, cancellationToken);
            var target = answerFolders.GetOrAdd((inbox.FullName, result.Status), static key => Directory.CreateDirectory(Path.Combine(key.Inbox, key.Status.ToString().ToLowerInvariant())));
            var moved = MoveToFreeName(path, target);
            if (result.Status == IntakeStatus.Rejected)
            {
                await File.WriteAllLinesAsync(moved + ".reasons.txt", result.Reasons, cancellationToken);
            }

            Took(name, result.Status, result.DocumentId);
            answered();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            NotTaken(ex, name);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the file stays and is taken at the next start.
        }
        finally
        {
            done();
        }
    }

    // The bytes of the bodies in flight: a file waits while others are in flight and it would pass the limit (DataHub's
    // bundles run to megabytes each); a file larger than the limit goes alone. Only the dispatching loop takes.
    private sealed class BodyBudget(long limit) : IDisposable
    {
        private readonly SemaphoreSlim returned = new(0);
        private long inFlight;

        public async Task TakeAsync(long size, CancellationToken cancellationToken)
        {
            while (Interlocked.Read(ref inFlight) is var now && now > 0 && now + size > limit)
            {
                await returned.WaitAsync(cancellationToken); // some body came back: look again
            }

            Interlocked.Add(ref inFlight, size);
        }

        public void Return(long size)
        {
            Interlocked.Add(ref inFlight, -size);
            returned.Release();
        }

        public void Dispose() => returned.Dispose();
    }

    private static string? ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".xml" => "application/xml",
        _ => null,
    };

    // Moves the file to a name not yet used in the target folder (the same file name may arrive again: a duplicate, a
    // resend); files answered at the same time may reach for the same free name, so a taken name means the next one.
    private static string MoveToFreeName(string path, DirectoryInfo folder)
    {
        var name = Path.GetFileName(path);
        for (var i = 0; ; i++)
        {
            var candidate = Path.Combine(folder.FullName, i == 0 ? name : $"{Path.GetFileNameWithoutExtension(name)}.{i}{Path.GetExtension(name)}");
            try
            {
                File.Move(path, candidate, overwrite: false);
                return candidate;
            }
            catch (DirectoryNotFoundException) when (!Directory.Exists(folder.FullName) && File.Exists(path))
            {
                folder.Create(); // removed while the inbox runs: made again, and the same name tried again
                i--;
            }
            catch (IOException) when (File.Exists(candidate) && File.Exists(path))
            {
                // The name is taken (an earlier answer of the same name, or one answered at the same time): try the next.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox file {File}: {Status} (document {DocumentId})")]
    private partial void Took(string file, IntakeStatus status, string? documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox file {File} could not be taken in now; trying again shortly")]
    private partial void NotTaken(Exception exception, string file);
}
