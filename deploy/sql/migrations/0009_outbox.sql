-- 0009: the outbox of messages to the outside (RSM-015 requests to DataHub, issued invoices to the integration
-- gateway). Written in the transaction of the change that causes it (e.g. issuing an invoice), sent later.
--
-- bio.outbox_message: one row per message.
--   dedupe_key      at most one pending (waiting or sent) message per key: enqueue is
--                   insert ... on conflict (dedupe_key) where state in ('waiting', 'sent') do nothing;
--                   after an answer, a rejection or giving up, the key may be enqueued again
--   next_attempt_at when a waiting message is due; a sender claims due rows with FOR UPDATE SKIP LOCKED and moves
--                   this forward by a lease, so two senders never take one message and a dead sender's claim expires
--   attempts        sends tried; failed ones set last_error and the back-off (computed by BiO's OutboxPolicy)
--   reject_reason   the receiver's reason, when state = 'rejected'

create table bio.outbox_message
(
    id              bigint      generated always as identity primary key,
    kind            text        not null,
    dedupe_key      text        not null,
    payload         text        not null,
    content_type    text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    state           text        not null check (state in ('waiting', 'sent', 'answered', 'rejected', 'failed')),
    reject_reason   text        null,
    last_error      text        null,
    sent_at         timestamptz null,
    answered_at     timestamptz null,
    check ((state = 'rejected') = (reject_reason is not null))
);

create unique index outbox_message_pending_key on bio.outbox_message (dedupe_key) where state in ('waiting', 'sent');

create index outbox_message_due on bio.outbox_message (kind, next_attempt_at) where state = 'waiting';

create index outbox_message_key on bio.outbox_message (dedupe_key);

create index outbox_message_state_kind on bio.outbox_message (state, kind, id);
