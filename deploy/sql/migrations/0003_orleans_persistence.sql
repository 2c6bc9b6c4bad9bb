-- 0003: grain state storage for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (AdoNetGrainStorage).
--
-- At start-up each storage provider reads only WriteToStorageKey, ReadFromStorageKey and
-- ClearStorageKey (required) and DeleteStorageKey (optional; required only when
-- AdoNetGrainStorageOptions.DeleteStateOnClear = true).
--
-- Grain identity as the provider sends it (all queries get these seven parameters):
--   @GrainIdHash integer, @GrainTypeHash integer  hashes computed by the provider's hasher
--   @GrainIdN0 bigint, @GrainIdN1 bigint           Guid key halves, or 0 and the long key
--   @GrainTypeString text                          grain type name
--   @GrainIdExtensionString text (may be null)     key extension, or the whole key of string-keyed grains
--   @ServiceId text                                ClusterOptions.ServiceId
-- plus @GrainStateVersion integer (the ETag; null when the grain has never read a stored version)
-- and, for writes, @PayloadBinary bytea (serialized state).
--
-- ETag protocol: a write/clear/delete returns exactly one row with the new version, or NULL when the
-- presented version does not match the stored one (or, on a first write, a row already exists).
-- The provider turns NULL, or a returned value equal to the ETag it sent, into
-- InconsistentStateException.

create table orleans_storage
(
    id                     bigint generated always as identity,
    serviceid              varchar(150) not null,
    graintypestring        varchar(512) not null,
    grainidn0              bigint       not null,
    grainidn1              bigint       not null,
    grainidextensionstring varchar(512) null,
    grainidhash            integer      not null,
    graintypehash          integer      not null,
    payloadbinary          bytea        null,     -- null after ClearStorageKey
    version                integer      not null,
    modifiedon             timestamptz  not null default now(),
    constraint pk_orleans_storage primary key (id),
    -- One state row per grain and storage identity. The hashes lead so this index also serves every
    -- lookup; NULLS NOT DISTINCT (PostgreSQL 15) makes a null extension count as one value.
    constraint uq_orleans_storage_grain unique nulls not distinct
        (grainidhash, graintypehash, serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

comment on table orleans_storage is 'Orleans grain state (AdoNetGrainStorage); version is the ETag.';

-- WriteToStorageKey: first write (p_version null) inserts version 1; later writes must present the
-- stored version and get version + 1. Returns null on conflict.
create function orleans_storage_write(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_version                integer,
    p_payloadbinary          bytea)
returns integer
language plpgsql
as $$
declare
    v_new integer;
begin
    if p_version is null then
        insert into orleans_storage
            (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
             grainidhash, graintypehash, payloadbinary, version, modifiedon)
        values
            (p_serviceid, p_graintypestring, p_grainidn0, p_grainidn1, p_grainidextensionstring,
             p_grainidhash, p_graintypehash, p_payloadbinary, 1, now())
        on conflict on constraint uq_orleans_storage_grain do nothing
        returning version into v_new;
        return v_new;                       -- null: someone else's row already exists
    end if;

    update orleans_storage
       set payloadbinary = p_payloadbinary,
           version = version + 1,
           modifiedon = now()
     where grainidhash = p_grainidhash
       and graintypehash = p_graintypehash
       and serviceid = p_serviceid
       and graintypestring = p_graintypestring
       and grainidn0 = p_grainidn0
       and grainidn1 = p_grainidn1
       and grainidextensionstring is not distinct from p_grainidextensionstring
       and version = p_version
    returning version into v_new;
    return v_new;                           -- null: stale version or row gone
end;
$$;

-- ClearStorageKey: keeps the row (so the version keeps counting) but drops the payload.
create function orleans_storage_clear(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_version                integer)
returns integer
language sql
as $$
    with cleared as (
        update orleans_storage
           set payloadbinary = null,
               version = version + 1,
               modifiedon = now()
         where grainidhash = p_grainidhash
           and graintypehash = p_graintypehash
           and serviceid = p_serviceid
           and graintypestring = p_graintypestring
           and grainidn0 = p_grainidn0
           and grainidn1 = p_grainidn1
           and grainidextensionstring is not distinct from p_grainidextensionstring
           and version = p_version
        returning version
    )
    select (select version from cleared)
$$;

-- DeleteStorageKey: removes the row; returns the old version + 1 (any value different from the
-- ETag means success to the provider, which then forgets the ETag), null on conflict.
create function orleans_storage_delete(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_version                integer)
returns integer
language sql
as $$
    with deleted as (
        delete from orleans_storage
         where grainidhash = p_grainidhash
           and graintypehash = p_graintypehash
           and serviceid = p_serviceid
           and graintypestring = p_graintypestring
           and grainidn0 = p_grainidn0
           and grainidn1 = p_grainidn1
           and grainidextensionstring is not distinct from p_grainidextensionstring
           and version = p_version
        returning version
    )
    select (select version + 1 from deleted)
$$;

insert into orleansquery (querykey, querytext) values
-- Params: identity (7) + @GrainStateVersion integer + @PayloadBinary bytea.
-- Result: one row, column newgrainstateversion integer (null = conflict).
('WriteToStorageKey', $q$
select orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion,
                             @PayloadBinary) as newgrainstateversion
$q$),

-- Params: identity (7). Result: zero rows (never written) or one row: payloadbinary bytea
-- (null after a clear), version integer.
('ReadFromStorageKey', $q$
select s.payloadbinary, s.version
  from orleans_storage s
 where s.grainidhash = @GrainIdHash
   and s.graintypehash = @GrainTypeHash
   and s.serviceid = @ServiceId
   and s.graintypestring = @GrainTypeString
   and s.grainidn0 = @GrainIdN0
   and s.grainidn1 = @GrainIdN1
   and s.grainidextensionstring is not distinct from @GrainIdExtensionString
$q$),

-- Params: identity (7) + @GrainStateVersion integer. Result: one row, first column is the new
-- version (null = conflict).
('ClearStorageKey', $q$
select orleans_storage_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion) as newgrainstateversion
$q$),

-- Optional (DeleteStateOnClear = true). Params and result as ClearStorageKey.
('DeleteStorageKey', $q$
select orleans_storage_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                              @GrainIdExtensionString, @ServiceId, @GrainStateVersion) as newgrainstateversion
$q$);
