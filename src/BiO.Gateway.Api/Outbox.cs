using System.ComponentModel;
using BiO.Persistence.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>A message on the outbox and how far it got.</summary>
public sealed record OutboxMessageResponse(
    long Id,
    [property: Description("rsm-015 (meter data re-request to DataHub) or invoice-issued.")] string Kind,
    string Key,
    [property: Description("Waiting, Sent, Answered, Rejected or Failed.")] string State,
    int Attempts,
    string CreatedAt,
    string NextAttemptAt,
    string? SentAt,
    string? AnsweredAt,
    string? RejectReason,
    string? LastError,
    string ContentType,
    string Payload)
{
    public static OutboxMessageResponse From(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.Kind, m.Key, m.State.ToString(), m.Attempts, Iso.Instant(m.CreatedAt), Iso.Instant(m.NextAttemptAt), Iso.Instant(m.SentAt),
            Iso.Instant(m.AnsweredAt), m.RejectReason, m.LastError, m.ContentType, m.Payload);
    }
}

/// <summary>The outbox, for monitoring.</summary>
internal static class OutboxEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/outbox", ListAsync)
            .WithTags("Outbox")
            .WithName("ListOutbox")
            .WithSummary("Outbox messages, newest first, optionally of one state and kind; page on with before=<id of the last seen>")
            .Produces<IReadOnlyList<OutboxMessageResponse>>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> ListAsync(string? state, string? kind, int? limit, long? before, IOutbox outbox, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        OutboxState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (Enum.TryParse<OutboxState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(state.Trim()[0]))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("state", $"'state' must be one of {string.Join(", ", Enum.GetNames<OutboxState>())}, not '{state}'.");
            }
        }

        var (_, size) = Page<OutboxMessage>.Check(0, limit, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var messages = await outbox.ListAsync(wanted, string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(), size, before, cancellationToken);
        return Results.Ok(messages.Select(OutboxMessageResponse.From).ToList());
    }
}
