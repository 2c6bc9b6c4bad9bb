-- 0006: durable intake of market documents (the market adapter stores each document before acknowledging it).
--
-- bio.market_document: every accepted document, once per document mRID (the idempotency key). The body is kept
--   exactly as received, with its SHA-256, so that the same mRID arriving again is told apart: same content is a
--   duplicate (acknowledged, nothing changes); other content under a known mRID is rejected.
--   published_at is null until the document has been handed to the cluster's streams: those rows are replayed.
-- bio.rejected_document: the dead-letter store: what was refused, with every reason, listed by the API.

create table bio.market_document
(
    document_id   text        primary key,
    document_type text        not null,
    content_type  text        not null,
    body          bytea       not null,
    sha256        bytea       not null,
    received_at   timestamptz not null,
    published_at  timestamptz null
);

create index market_document_unpublished on bio.market_document (received_at) where published_at is null;

create table bio.rejected_document
(
    id           bigint      generated always as identity primary key,
    document_id  text        null,
    content_type text        not null,
    body         bytea       not null,
    reasons      text[]      not null check (cardinality(reasons) > 0),
    received_at  timestamptz not null
);

create index rejected_document_received on bio.rejected_document (received_at);
