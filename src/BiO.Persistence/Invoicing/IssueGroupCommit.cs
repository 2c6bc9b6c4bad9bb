using System.Collections.Concurrent;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Group commit of issuing: concurrent callers of one series queue here, and one worker per series takes up to
/// <see cref="MaxGroup"/> of them at a time and hands them to <c>issueGroup</c> as one group (one transaction). While
/// a group is being written the next callers gather, so the group size follows the load: one caller alone is written
/// at once. Two invoices with the same key (account and period, or credit note request) never go in one group: the
/// later one waits for the next group, which finds the first.
/// </summary>
internal sealed class IssueGroupCommit(Func<string, IReadOnlyList<IssueGroupCommit.Pending>, Task> issueGroup)
{
    /// <summary>The most invoices written in one transaction.</summary>
    public const int MaxGroup = 64;

    private readonly ConcurrentDictionary<string, SeriesQueue> queues = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="invoice"/> (validated) and completes when its group was written.</summary>
    public Task<IssueOutcome> IssueAsync(InvoiceToIssue invoice, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(invoice, cancellationToken);
        var queue = queues.GetOrAdd(invoice.Series, _ => new SeriesQueue());
        bool start;
        lock (queue)
        {
            queue.Waiting.Add(pending);
            start = !queue.Draining;
            queue.Draining = true;
        }

        if (start)
        {
            _ = Task.Run(() => DrainAsync(invoice.Series, queue), CancellationToken.None);
        }

        return pending.Task;
    }

    private async Task DrainAsync(string series, SeriesQueue queue)
    {
        while (true)
        {
            List<Pending> group;
            lock (queue)
            {
                group = queue.Take();
                if (group.Count == 0)
                {
                    queue.Draining = false;
                    return;
                }
            }

            try
            {
                await issueGroup(series, group);
            }
            catch (Exception ex)
            {
                foreach (var pending in group)
                {
                    pending.Fail(ex);
                }
            }
        }
    }

    /// <summary>The invoice key that may occur once: a credit note's request, else the account and period.</summary>
    internal static (string Kind, string Id, DateOnly First, DateOnly Last) KeyOf(InvoiceToIssue invoice) =>
        invoice.Kind == InvoiceKinds.Invoice
            ? (invoice.Kind, invoice.AccountId, invoice.Period.Start.ToDateOnly(), invoice.Period.End.ToDateOnly())
            : (invoice.Kind, invoice.RequestId!, default, default);

    private sealed class SeriesQueue
    {
        public List<Pending> Waiting { get; private set; } = [];

        public bool Draining { get; set; }

        /// <summary>Up to <see cref="MaxGroup"/> waiting callers in arrival order, no key twice; cancelled ones dropped.</summary>
        public List<Pending> Take()
        {
            var group = new List<Pending>(Math.Min(MaxGroup, Waiting.Count));
            var keys = new HashSet<(string, string, DateOnly, DateOnly)>();
            var left = new List<Pending>();
            foreach (var pending in Waiting)
            {
                if (pending.Task.IsCompleted)
                {
                    continue;
                }

                if (group.Count < MaxGroup && keys.Add(KeyOf(pending.Invoice)))
                {
                    group.Add(pending);
                }
                else
                {
                    left.Add(pending);
                }
            }

            Waiting = left;
            return group;
        }
    }

    /// <summary>One caller waiting for its invoice; cancelling its token while it waits ends its wait.</summary>
    internal sealed class Pending
    {
        private readonly TaskCompletionSource<IssueOutcome> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration cancellation;

        public Pending(InvoiceToIssue invoice, CancellationToken cancellationToken)
        {
            Invoice = invoice;
            cancellation = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        public InvoiceToIssue Invoice { get; }

        public Task<IssueOutcome> Task => completion.Task;

        public void Complete(IssueOutcome outcome)
        {
            completion.TrySetResult(outcome);
            cancellation.Dispose();
        }

        public void Fail(Exception exception)
        {
            completion.TrySetException(exception);
            cancellation.Dispose();
        }
    }
}
