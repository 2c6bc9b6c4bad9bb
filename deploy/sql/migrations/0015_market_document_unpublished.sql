-- 0015: the documents not yet handed to the cluster listed in a table of their own.
--
-- Until now a document was marked published by setting bio.market_document.published_at. The partial index on
-- unpublished rows made every such update a new version of the whole row (body included) with new index entries: at
-- thousands of documents a second, a fifth of the intake's work in PostgreSQL. Now storing a document also lists it in
-- bio.market_document_unpublished (its id and received instant), and publishing it deletes that row: the document row
-- is written once. What is listed is what the replay hands to the cluster, oldest first.

drop index bio.market_document_unpublished;

create table bio.market_document_unpublished
(
    document_id text        primary key,
    received_at timestamptz not null
);

create index market_document_unpublished_order on bio.market_document_unpublished (received_at, document_id);

insert into bio.market_document_unpublished (document_id, received_at)
select document_id, received_at from bio.market_document where published_at is null;

alter table bio.market_document drop column published_at;
