-- 0002: cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (silos and gateway clients).
--
-- Model: one version row per cluster (DeploymentId = ClusterOptions.ClusterId) and one row per silo
-- incarnation (address, port, generation). The integer `version` of the cluster row is the single
-- etag of the whole membership table: every membership insert/update must present the current
-- version and bumps it by one, atomically with the row change. Heartbeats (UpdateIAmAlivetimeKey)
-- do not touch the version.
--
-- Parameter types as Npgsql sends them: strings -> text, int -> integer, DateTime -> timestamptz
-- (DbType.DateTime; the values are UTC). SiloStatus is sent as integer (Active = 3, Dead = 6).

create table orleans_membership_version
(
    deploymentid varchar(150) not null,
    version      integer      not null default 0,
    modifiedon   timestamptz  not null default now(),
    constraint pk_orleans_membership_version primary key (deploymentid),
    constraint ck_orleans_membership_version_nonnegative check (version >= 0)
);

comment on table orleans_membership_version is
    'One row per Orleans cluster (DeploymentId = ClusterId); version is the membership table etag.';

create table orleans_membership
(
    deploymentid varchar(150) not null,
    address      varchar(45)  not null,   -- IPv4/IPv6 text of the silo endpoint
    port         integer      not null,
    generation   integer      not null,
    siloname     varchar(150) not null,
    hostname     varchar(150) not null,
    status       integer      not null,   -- Orleans.Runtime.SiloStatus as int
    proxyport    integer      not null default 0,  -- gateway port, 0 = not a gateway
    suspecttimes text         null,       -- 'SiloAddress,yyyy-MM-dd HH:mm:ss.fff GMT|...'
    starttime    timestamptz  not null,
    iamalivetime timestamptz  not null,
    constraint pk_orleans_membership primary key (deploymentid, address, port, generation),
    constraint fk_orleans_membership_version foreign key (deploymentid)
        references orleans_membership_version (deploymentid) on delete cascade
);

comment on table orleans_membership is 'One row per silo incarnation of an Orleans cluster.';

-- InsertMembershipKey: bump the cluster version if it still equals p_version, then add the silo row.
-- Returns false (and leaves nothing changed) on a stale version or when the silo row already exists.
create function orleans_membership_insert(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_siloname     text,
    p_hostname     text,
    p_status       integer,
    p_proxyport    integer,
    p_starttime    timestamptz,
    p_iamalivetime timestamptz,
    p_version      integer)
returns boolean
language plpgsql
as $$
begin
    -- The row lock taken here serialises all membership writers of one cluster.
    update orleans_membership_version
       set version = version + 1,
           modifiedon = now()
     where deploymentid = p_deploymentid
       and version = p_version;
    if not found then
        return false;                       -- stale etag (or no version row)
    end if;

    insert into orleans_membership
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, suspecttimes, starttime, iamalivetime)
    values
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname,
         p_status, coalesce(p_proxyport, 0), null, p_starttime, p_iamalivetime);
    return true;
exception
    when unique_violation then
        -- Leaving the block through the handler undoes the version bump above.
        return false;
end;
$$;

-- UpdateMembershipKey: same version protocol; updates status, suspect votes and liveness of one silo.
-- Returns false (and leaves nothing changed) on a stale version or an unknown silo.
create function orleans_membership_update(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_status       integer,
    p_suspecttimes text,
    p_iamalivetime timestamptz,
    p_version      integer)
returns boolean
language plpgsql
as $$
begin
    update orleans_membership_version
       set version = version + 1,
           modifiedon = now()
     where deploymentid = p_deploymentid
       and version = p_version;
    if not found then
        return false;
    end if;

    update orleans_membership
       set status       = p_status,
           suspecttimes = p_suspecttimes,
           -- never move the heartbeat backwards (a heartbeat may have landed in between)
           iamalivetime = greatest(iamalivetime, p_iamalivetime)
     where deploymentid = p_deploymentid
       and address = p_address
       and port = p_port
       and generation = p_generation;
    if not found then
        raise exception 'silo row not found' using errcode = 'no_data_found';
    end if;
    return true;
exception
    when no_data_found then
        return false;                       -- undoes the version bump
end;
$$;

-- True when a suspect-times string holds a vote at or after p_cutoff. A vote whose date cannot be
-- recognised counts as recent, so the row is kept (never delete on doubt).
create function orleans_membership_has_vote_since(p_suspecttimes text, p_cutoff timestamptz)
returns boolean
language sql
stable
as $$
    select exists (
        select 1
          from unnest(string_to_array(coalesce(p_suspecttimes, ''), '|')) as v(vote)
         where v.vote <> ''
           and case
                   when v.vote ~ ',[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)? GMT$'
                   then substring(v.vote from ',([^,]+)$')::timestamptz >= p_cutoff
                   else true
               end)
$$;

insert into orleansquery (querykey, querytext) values
-- Gateway list for clients. Params: @DeploymentId text, @Status integer (3 = Active).
-- Result: address, proxyport, generation.
('GatewaysQueryKey', $q$
select m.address, m.proxyport, m.generation
  from orleans_membership m
 where m.deploymentid = @DeploymentId
   and m.status = @Status
   and m.proxyport > 0
$q$),

-- One silo plus the table version. Params: @DeploymentId text, @Address text, @Port integer,
-- @Generation integer. Always returns the version row (left join): member columns are null when
-- the silo is unknown. Result: address, port, generation, siloname, hostname, status, proxyport,
-- suspecttimes, starttime, iamalivetime, version.
('MembershipReadRowKey', $q$
select m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleans_membership_version v
  left join orleans_membership m
         on m.deploymentid = v.deploymentid
        and m.address = @Address
        and m.port = @Port
        and m.generation = @Generation
 where v.deploymentid = @DeploymentId
$q$),

-- All silos plus the table version. Params: @DeploymentId text. Same columns as MembershipReadRowKey.
('MembershipReadAllKey', $q$
select m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleans_membership_version v
  left join orleans_membership m
         on m.deploymentid = v.deploymentid
 where v.deploymentid = @DeploymentId
$q$),

-- Creates the version row of a cluster if missing. Params: @DeploymentId text.
-- Result: one boolean column, true when this call created the row.
('InsertMembershipVersionKey', $q$
with created as (
    insert into orleans_membership_version (deploymentid, version, modifiedon)
    values (@DeploymentId, 0, now())
    on conflict (deploymentid) do nothing
    returning 1
)
select count(*) > 0 as created from created
$q$),

-- Heartbeat; does not change the version and never moves the time backwards.
-- Params: @DeploymentId text, @Address text, @Port integer, @Generation integer,
-- @IAmAliveTime timestamptz. No result.
('UpdateIAmAlivetimeKey', $q$
update orleans_membership
   set iamalivetime = greatest(iamalivetime, @IAmAliveTime)
 where deploymentid = @DeploymentId
   and address = @Address
   and port = @Port
   and generation = @Generation
$q$),

-- Params: @DeploymentId text, @Address text, @Port integer, @Generation integer, @SiloName text,
-- @HostName text, @Status integer, @ProxyPort integer, @StartTime timestamptz,
-- @IAmAliveTime timestamptz, @Version integer (current table version).
-- Result: one boolean column (true = inserted and version bumped).
('InsertMembershipKey', $q$
select orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) as ok
$q$),

-- Params: @DeploymentId text, @Address text, @Port integer, @Generation integer, @Status integer,
-- @SuspectTimes text (may be null), @IAmAliveTime timestamptz, @Version integer.
-- Result: one boolean column (true = updated and version bumped).
('UpdateMembershipKey', $q$
select orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                 @SuspectTimes, @IAmAliveTime, @Version) as ok
$q$),

-- Removes a whole cluster (silo rows and version row). Params: @DeploymentId text. No result.
('DeleteMembershipTableEntriesKey', $q$
with silos as (
    delete from orleans_membership where deploymentid = @DeploymentId
)
delete from orleans_membership_version where deploymentid = @DeploymentId
$q$),

-- Bulk clean-up of defunct silos; required at start-up, but 10.4.2 only runs it when the optional
-- CleanupDefunctSiloEntryKey below is absent. Params: @DeploymentId text, @IAmAliveTime timestamptz
-- (the cut-off). Deletes Dead (6) rows whose start, heartbeat and suspect votes are all older than
-- the cut-off. No result.
('CleanupDefunctSiloEntriesKey', $q$
delete from orleans_membership m
 where m.deploymentid = @DeploymentId
   and m.status = 6
   and m.starttime < @IAmAliveTime
   and m.iamalivetime < @IAmAliveTime
   and not orleans_membership_has_vote_since(m.suspecttimes, @IAmAliveTime)
$q$),

-- Optional in 10.4.2 (used instead of the bulk query when present): the provider reads all rows,
-- picks the defunct Dead ones itself and deletes each only if it is still exactly as read.
-- Params: @DeploymentId text, @Address text, @Port integer, @Generation integer,
-- @SuspectTimes text (null when there were no votes), @StartTime timestamptz,
-- @IAmAliveTime timestamptz (both as read back from this table). No result.
('CleanupDefunctSiloEntryKey', $q$
delete from orleans_membership m
 where m.deploymentid = @DeploymentId
   and m.address = @Address
   and m.port = @Port
   and m.generation = @Generation
   and m.status = 6
   and m.starttime = @StartTime
   and m.iamalivetime = @IAmAliveTime
   and coalesce(m.suspecttimes, '') = coalesce(@SuspectTimes, '')
$q$);
