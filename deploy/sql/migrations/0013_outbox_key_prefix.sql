-- 0013: finding a metering point's re-requests without reading every one.
--
-- The keys of RSM-015 re-requests start with "rsm-015:{gsrn}:"; a LIKE prefix of kind and key is served by this index
-- (text_pattern_ops, whatever the database's collation), so listing one point's requests reads only its own rows.

create index outbox_message_kind_key on bio.outbox_message (kind, dedupe_key text_pattern_ops);
