-- 0005: schema for BiO's own tables (none yet; they arrive in later migrations).
-- The Orleans objects of 0001-0004 stay in the default schema because the providers look up
-- OrleansQuery without a schema name.

create schema if not exists bio;  -- the migration runner creates it first for its ledger, bio.schema_migration

comment on schema bio is 'BiO billing domain tables (added by later migrations).';
