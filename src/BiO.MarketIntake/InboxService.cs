using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BiO.MarketIntake;

/// <summary>
/// Takes market documents from an inbox folder through the same intake as HTTP: each *.json or *.xml file, oldest name
/// first, is moved to accepted/, duplicate/ or rejected/ (the reasons beside it) once the intake has answered. A file
/// the intake could not answer (the cluster away) stays and is tried again.
/// </summary>
public sealed partial class InboxService(MarketIntake intake, IOptions<MarketIntakeOptions> options, ILogger<InboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Inbox))
        {
            return;
        }

        var inbox = Directory.CreateDirectory(options.Value.Inbox);
        using var timer = new PeriodicTimer(options.Value.InboxPollPeriod);
        do
        {
            await TakeAsync(inbox, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Takes every document now in the inbox; returns how many were answered.</summary>
    public async Task<int> TakeAsync(DirectoryInfo inbox, CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var file in inbox.EnumerateFiles().Where(f => ContentType(f) is not null).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            try
            {
                var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
                var result = await intake.AcceptAsync(ContentType(file), body, cancellationToken);
                var target = Directory.CreateDirectory(Path.Combine(inbox.FullName, result.Status.ToString().ToLowerInvariant()));
                var name = FreeName(target, file.Name);
                if (result.Status == IntakeStatus.Rejected)
                {
                    await File.WriteAllLinesAsync(Path.Combine(target.FullName, name + ".reasons.txt"), result.Reasons, cancellationToken);
                }

                file.MoveTo(Path.Combine(target.FullName, name));
                Took(file.Name, result.Status, result.DocumentId);
                taken++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                NotTaken(ex, file.Name);
            }
        }

        return taken;
    }

    private static string? ContentType(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".xml" => "application/xml",
        _ => null,
    };

    // A name not yet used in the target folder: the same file name may arrive again (a duplicate, a resend).
    private static string FreeName(DirectoryInfo folder, string name)
    {
        var candidate = name;
        for (var i = 1; File.Exists(Path.Combine(folder.FullName, candidate)); i++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}.{i}{Path.GetExtension(name)}";
        }

        return candidate;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox file {File}: {Status} (document {DocumentId})")]
    private partial void Took(string file, IntakeStatus status, string? documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox file {File} could not be taken in now; trying again shortly")]
    private partial void NotTaken(Exception exception, string file);
}
