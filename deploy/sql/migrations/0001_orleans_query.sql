-- 0001: catalogue of the SQL texts the Orleans ADO.NET providers run.
--
-- Every provider (clustering, persistence, reminders) reads this table once at start-up with the
-- hard-coded text `SELECT QueryKey, QueryText FROM OrleansQuery` (unquoted, so PostgreSQL folds it
-- to orleansquery and resolves it through the connection's search_path). Afterwards Orleans only
-- ever sends the texts stored here, with named parameters (@Name) bound by Npgsql.
-- The following migrations (0002-0004) insert their query texts into this table.
-- No parameters; result columns: querykey, querytext (read by name, case-insensitively).

create table orleansquery
(
    querykey  varchar(64) not null,
    querytext text        not null,
    constraint pk_orleansquery primary key (querykey)
);

comment on table orleansquery is
    'SQL texts executed by the Orleans 10.x ADO.NET providers, keyed by the name the provider looks up (see deploy/sql/README.md).';
comment on column orleansquery.querykey is 'Key the provider looks up, e.g. InsertMembershipKey.';
comment on column orleansquery.querytext is 'Single SQL statement with Npgsql @Name placeholders.';
