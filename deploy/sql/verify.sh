#!/usr/bin/env bash
# Verifies deploy/sql/migrations against a private, throw-away PostgreSQL 15:
#   1. initdb + start on 127.0.0.1:${VERIFY_PGPORT:-55499} (trust auth) in a temp dir,
#   2. applies migrations/*.sql in order, each with --single-transaction and ON_ERROR_STOP,
#   3. takes every query text from orleansquery, turns @Name into $n, PREPAREs it with the parameter
#      types Npgsql sends for Orleans 10.4.2, checks the result columns, and exercises the semantics
#      (versions/ETags, conflicts, clean-up, reminder ranges).
# Stops PostgreSQL and removes the temp dir on exit. Exits non-zero on any failure.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${VERIFY_PGPORT:-55499}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MIGRATIONS="$HERE/migrations"
WORK=$(mktemp -d /tmp/bio-sqlverify.XXXXXX)
DATA="$WORK/data"
DB=bio_verify
STARTED=0

as_pg() {
    # initdb/postgres refuse to run as root: drop to the postgres user when we are root.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$?
    if [ "$STARTED" = 1 ]; then
        as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ $rc -ne 0 ] && [ -f "$WORK/server.log" ]; then
        echo "---- server log (tail) ----" >&2; tail -n 30 "$WORK/server.log" >&2 || true
    fi
    rm -rf "$WORK"
    if [ $rc -eq 0 ]; then echo "verify.sh: ALL CHECKS PASSED"; else echo "verify.sh: FAILED (rc=$rc)" >&2; fi
    exit $rc
}
trap cleanup EXIT

[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 binaries not found in $PGBIN" >&2; exit 2; }
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi
chmod 700 "$WORK"

echo "== initdb + start PostgreSQL 15 on 127.0.0.1:$PORT ($WORK)"
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c fsync=off -c TimeZone=Europe/Berlin" start >/dev/null
STARTED=1

PSQL=("$PGBIN/psql" -X -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -q -d postgres -c "create database $DB"

echo "== apply migrations"
for f in "$MIGRATIONS"/*.sql; do
    echo "   $(basename "$f")"
    "${PSQL[@]}" -q -d "$DB" --single-transaction -f "$f"
done

echo "== helpers"
"${PSQL[@]}" -q -d "$DB" <<'SQL'
create schema verify;
-- Builds "PREPARE name(types) AS <query text>" from an OrleansQuery row, replacing @Param by $n.
-- Fails if the text uses a parameter the provider does not send.
create function verify.prep(p_name text, p_key text, p_params text[], p_types text[]) returns text
language plpgsql as $$
declare t text; i int;
begin
    select querytext into strict t from orleansquery where querykey = p_key;
    for i in 1 .. coalesce(array_length(p_params, 1), 0) loop
        t := regexp_replace(t, '@' || p_params[i] || '\M', '$' || i, 'g');
    end loop;
    if t ~ '@[A-Za-z]' then
        raise exception '% uses a parameter outside the Orleans 10.4.2 contract: %', p_key, t;
    end if;
    return format('prepare %I(%s) as %s', p_name, array_to_string(p_types, ','), t);
end $$;
create function verify.expect(p_ok boolean, p_what text) returns text
language plpgsql as $$
begin
    if p_ok is distinct from true then raise exception 'CHECK FAILED: %', p_what; end if;
    return 'ok   ' || p_what;
end $$;
SQL

# Every statement of the contract: key | parameter names | parameter types (as Npgsql sends them).
PREPS=$(cat <<'EOF'
select verify.prep('gateways', 'GatewaysQueryKey', '{DeploymentId,Status}', '{text,int4}') \gexec
select verify.prep('read_row', 'MembershipReadRowKey', '{DeploymentId,Address,Port,Generation}', '{text,text,int4,int4}') \gexec
select verify.prep('read_all', 'MembershipReadAllKey', '{DeploymentId}', '{text}') \gexec
select verify.prep('ins_version', 'InsertMembershipVersionKey', '{DeploymentId}', '{text}') \gexec
select verify.prep('alive', 'UpdateIAmAlivetimeKey', '{DeploymentId,Address,Port,Generation,IAmAliveTime}', '{text,text,int4,int4,timestamptz}') \gexec
select verify.prep('ins_member', 'InsertMembershipKey', '{DeploymentId,IAmAliveTime,SiloName,HostName,Address,Port,Generation,StartTime,Status,ProxyPort,Version}', '{text,timestamptz,text,text,text,int4,int4,timestamptz,int4,int4,int4}') \gexec
select verify.prep('upd_member', 'UpdateMembershipKey', '{DeploymentId,Address,Port,Generation,IAmAliveTime,Status,SuspectTimes,Version}', '{text,text,int4,int4,timestamptz,int4,text,int4}') \gexec
select verify.prep('del_cluster', 'DeleteMembershipTableEntriesKey', '{DeploymentId}', '{text}') \gexec
select verify.prep('cleanup_bulk', 'CleanupDefunctSiloEntriesKey', '{DeploymentId,IAmAliveTime}', '{text,timestamptz}') \gexec
select verify.prep('cleanup_one', 'CleanupDefunctSiloEntryKey', '{DeploymentId,Address,Port,Generation,SuspectTimes,StartTime,IAmAliveTime}', '{text,text,int4,int4,text,timestamptz,timestamptz}') \gexec
select verify.prep('st_write', 'WriteToStorageKey', '{GrainIdHash,GrainIdN0,GrainIdN1,GrainTypeHash,GrainTypeString,GrainIdExtensionString,ServiceId,GrainStateVersion,PayloadBinary}', '{int4,int8,int8,int4,text,text,text,int4,bytea}') \gexec
select verify.prep('st_read', 'ReadFromStorageKey', '{GrainIdHash,GrainIdN0,GrainIdN1,GrainTypeHash,GrainTypeString,GrainIdExtensionString,ServiceId}', '{int4,int8,int8,int4,text,text,text}') \gexec
select verify.prep('st_clear', 'ClearStorageKey', '{GrainIdHash,GrainIdN0,GrainIdN1,GrainTypeHash,GrainTypeString,GrainIdExtensionString,ServiceId,GrainStateVersion}', '{int4,int8,int8,int4,text,text,text,int4}') \gexec
select verify.prep('st_delete', 'DeleteStorageKey', '{GrainIdHash,GrainIdN0,GrainIdN1,GrainTypeHash,GrainTypeString,GrainIdExtensionString,ServiceId,GrainStateVersion}', '{int4,int8,int8,int4,text,text,text,int4}') \gexec
select verify.prep('rem_upsert', 'UpsertReminderRowKey', '{ServiceId,GrainHash,GrainId,ReminderName,StartTime,Period}', '{text,int4,text,text,timestamptz,int4}') \gexec
select verify.prep('rem_upsert_long', 'UpsertReminderRowKey', '{ServiceId,GrainHash,GrainId,ReminderName,StartTime,Period}', '{text,int4,text,text,timestamptz,int8}') \gexec
select verify.prep('rem_rows', 'ReadReminderRowsKey', '{ServiceId,GrainId}', '{text,text}') \gexec
select verify.prep('rem_row', 'ReadReminderRowKey', '{ServiceId,GrainId,ReminderName}', '{text,text,text}') \gexec
select verify.prep('rem_range1', 'ReadRangeRows1Key', '{ServiceId,BeginHash,EndHash}', '{text,int4,int4}') \gexec
select verify.prep('rem_range2', 'ReadRangeRows2Key', '{ServiceId,BeginHash,EndHash}', '{text,int4,int4}') \gexec
select verify.prep('rem_delete', 'DeleteReminderRowKey', '{ServiceId,GrainId,ReminderName,Version}', '{text,text,text,int4}') \gexec
select verify.prep('rem_delete_all', 'DeleteReminderRowsKey', '{ServiceId}', '{text}') \gexec
EOF
)

echo "== query keys present (10.4.2 requires 9 clustering + 3 persistence + 7 reminders; 2 optional)"
"${PSQL[@]}" -At -d "$DB" <<'SQL'
select verify.expect(
    (select count(*) from orleansquery where querykey in (
        'GatewaysQueryKey','MembershipReadRowKey','MembershipReadAllKey','InsertMembershipVersionKey',
        'UpdateIAmAlivetimeKey','InsertMembershipKey','UpdateMembershipKey','DeleteMembershipTableEntriesKey',
        'CleanupDefunctSiloEntriesKey',
        'WriteToStorageKey','ReadFromStorageKey','ClearStorageKey',
        'ReadReminderRowsKey','ReadRangeRows1Key','ReadRangeRows2Key','ReadReminderRowKey',
        'UpsertReminderRowKey','DeleteReminderRowKey','DeleteReminderRowsKey')) = 19,
    'all 19 required keys present');
select verify.expect((select count(*) from orleansquery
                       where querykey in ('CleanupDefunctSiloEntryKey','DeleteStorageKey')) = 2,
    'optional CleanupDefunctSiloEntryKey and DeleteStorageKey present');
select verify.expect((select count(*) from orleansquery) = 21, 'no unexpected keys (21 total)');
-- The persistence provider reads its keys with this exact text; the others read the whole table.
select verify.expect((select count(*) from (SELECT QueryKey, QueryText FROM OrleansQuery
     WHERE QueryKey = 'WriteToStorageKey' OR QueryKey = 'ReadFromStorageKey'
        OR QueryKey = 'ClearStorageKey' OR QueryKey = 'DeleteStorageKey') q) = 4,
    'provider start-up query text works unchanged');
SQL

echo "== result columns (psql \\gdesc of each prepared statement)"
DESC_OUT=$("${PSQL[@]}" -At -q -d "$DB" <<SQL
$PREPS
\echo [gateways]
execute gateways(null,null) \gdesc
\echo [read_row]
execute read_row(null,null,null,null) \gdesc
\echo [read_all]
execute read_all(null) \gdesc
\echo [ins_version]
execute ins_version(null) \gdesc
\echo [ins_member]
execute ins_member(null,null,null,null,null,null,null,null,null,null,null) \gdesc
\echo [upd_member]
execute upd_member(null,null,null,null,null,null,null,null) \gdesc
\echo [st_write]
execute st_write(null,null,null,null,null,null,null,null,null) \gdesc
\echo [st_read]
execute st_read(null,null,null,null,null,null,null) \gdesc
\echo [st_clear]
execute st_clear(null,null,null,null,null,null,null,null) \gdesc
\echo [st_delete]
execute st_delete(null,null,null,null,null,null,null,null) \gdesc
\echo [rem_upsert]
execute rem_upsert(null,null,null,null,null,null) \gdesc
\echo [rem_rows]
execute rem_rows(null,null) \gdesc
\echo [rem_row]
execute rem_row(null,null,null) \gdesc
\echo [rem_range1]
execute rem_range1(null,null,null) \gdesc
\echo [rem_range2]
execute rem_range2(null,null,null) \gdesc
\echo [rem_delete]
execute rem_delete(null,null,null,null) \gdesc
SQL
)
cols_of() { # prints "name:type,name:type" for one [section]
    printf '%s\n' "$DESC_OUT" | awk -v s="[$1]" '$0==s{on=1;next} /^\[/{on=0} on&&NF{print}' \
        | tr '|' ':' | sed -E 's/\([0-9]+\)//' | paste -sd, -
}
expect_cols() {
    local got; got=$(cols_of "$1")
    if [ "$got" != "$2" ]; then echo "CHECK FAILED: columns of $1: got '$got' expected '$2'" >&2; exit 1; fi
    echo "ok   $1 -> $got"
}
MEMBER_COLS='address:character varying,port:integer,generation:integer,siloname:character varying,hostname:character varying,status:integer,proxyport:integer,suspecttimes:text,starttime:timestamp with time zone,iamalivetime:timestamp with time zone,version:integer'
REM_COLS='grainid:character varying,remindername:character varying,starttime:timestamp with time zone,period:bigint,version:integer'
expect_cols gateways    'address:character varying,proxyport:integer,generation:integer'
expect_cols read_row    "$MEMBER_COLS"
expect_cols read_all    "$MEMBER_COLS"
expect_cols ins_version 'created:boolean'
expect_cols ins_member  'ok:boolean'
expect_cols upd_member  'ok:boolean'
expect_cols st_write    'newgrainstateversion:integer'
expect_cols st_read     'payloadbinary:bytea,version:integer'
expect_cols st_clear    'newgrainstateversion:integer'
expect_cols st_delete   'newgrainstateversion:integer'
expect_cols rem_upsert  'version:integer'
expect_cols rem_rows    "$REM_COLS"
expect_cols rem_row     "$REM_COLS"
expect_cols rem_range1  "$REM_COLS"
expect_cols rem_range2  "$REM_COLS"
expect_cols rem_delete  'deleted:boolean'

echo "== behaviour"
"${PSQL[@]}" -At -q -d "$DB" <<SQL
$PREPS
\set c '''bio-cluster'''
\set t0 '''2030-01-01 10:00:00.123456+00'''
\set old '''2020-01-01 00:00:00+00'''

\echo '-- clustering: version row'
execute ins_version(:c) \gset v_
select verify.expect(:'v_created'::boolean, 'InsertMembershipVersion creates the version row');
execute ins_version(:c) \gset v_
select verify.expect(not :'v_created'::boolean, 'InsertMembershipVersion again -> false');
execute ins_version('other-cluster') \gset v_
create temp table ra as execute read_all(:c);
select verify.expect((select count(*) from ra) = 1 and (select version from ra) = 0
                     and (select starttime from ra) is null,
    'ReadAll of an empty cluster: one row, version 0, member columns null');
drop table ra;

\echo '-- clustering: insert with version check'
execute ins_member(:c, :t0, 'silo-a', 'host-a', '10.0.0.1', 11111, 100, :t0, 3, 30000, 0) \gset im_
select verify.expect(:'im_ok'::boolean, 'InsertMembership silo A with version 0 -> true');
execute ins_member(:c, :t0, 'silo-b', 'host-b', '10.0.0.2', 11111, 200, :t0, 3, 0, 0) \gset im_
select verify.expect(not :'im_ok'::boolean, 'InsertMembership silo B with stale version 0 -> false');
execute ins_member(:c, :t0, 'silo-a', 'host-a', '10.0.0.1', 11111, 100, :t0, 3, 30000, 1) \gset im_
select verify.expect(not :'im_ok'::boolean, 'InsertMembership of existing silo A with current version -> false');
select verify.expect((select version from orleans_membership_version where deploymentid = :c) = 1
                     and (select count(*) from orleans_membership) = 1,
    'rejected inserts changed nothing (version still 1, one silo)');
execute ins_member(:c, :t0, 'silo-b', 'host-b', '10.0.0.2', 11111, 200, :t0, 3, 0, 1) \gset im_
select verify.expect(:'im_ok'::boolean, 'InsertMembership silo B with version 1 -> true');

\echo '-- clustering: update with version check'
execute upd_member(:c, '10.0.0.1', 11111, 100, :t0, 3, 'S10.0.0.2:11111:200,2030-01-01 10:00:01.000 GMT', 2) \gset um_
select verify.expect(:'um_ok'::boolean, 'UpdateMembership silo A with version 2 -> true');
execute upd_member(:c, '10.0.0.1', 11111, 100, :t0, 6, null, 2) \gset um_
select verify.expect(not :'um_ok'::boolean, 'UpdateMembership with stale version 2 -> false');
execute upd_member(:c, '10.9.9.9', 1, 1, :t0, 6, null, 3) \gset um_
select verify.expect(not :'um_ok'::boolean, 'UpdateMembership of an unknown silo with current version -> false');
select verify.expect((select version from orleans_membership_version where deploymentid = :c) = 3
                     and (select status from orleans_membership where generation = 100) = 3,
    'rejected updates changed nothing (version still 3, silo A still Active)');

\echo '-- clustering: heartbeat'
execute alive(:c, '10.0.0.1', 11111, 100, '2030-01-01 10:05:00+00');
execute alive(:c, '10.0.0.1', 11111, 100, '2030-01-01 10:01:00+00');
select verify.expect((select iamalivetime from orleans_membership where generation = 100) = '2030-01-01 10:05:00+00'
                     and (select version from orleans_membership_version where deploymentid = :c) = 3,
    'UpdateIAmAlivetime only moves the heartbeat forward and keeps the version');

\echo '-- clustering: reads'
execute read_row(:c, '10.0.0.1', 11111, 100) \gset rr_
select verify.expect(:'rr_siloname' = 'silo-a' and :'rr_hostname' = 'host-a' and :'rr_proxyport' = '30000'
                     and :'rr_status' = '3' and :'rr_version' = '3'
                     and :'rr_suspecttimes' = 'S10.0.0.2:11111:200,2030-01-01 10:00:01.000 GMT'
                     and :'rr_starttime'::timestamptz = :t0::timestamptz,
    'MembershipReadRow returns silo A with version 3 (start time kept to the microsecond)');
execute read_row(:c, '10.0.0.1', 11111, 999) \gset rr_
select verify.expect(not :{?rr_starttime} and not :{?rr_address} and :'rr_version' = '3',
    'MembershipReadRow of an unknown silo: version row only');
create temp table ra as execute read_all(:c);
select verify.expect((select count(*) from ra) = 2 and (select bool_and(version = 3) from ra),
    'MembershipReadAll returns both silos, each with table version 3');
table ra;
drop table ra;
create temp table gw as execute gateways(:c, 3);
table gw;
select verify.expect((select count(*) from gw) = 1
                     and (select address = '10.0.0.1' and proxyport = 30000 and generation = 100 from gw),
    'GatewaysQuery returns only active silos with a proxy port');
drop table gw;

\echo '-- clustering: clean-up of defunct silos'
-- C: dead, old, no votes (deleted)          D: dead, old start, recent heartbeat (kept)
-- E: dead, old, one recent vote (kept)      F: active, old (kept)
-- G: dead, old, only old votes (deleted)    H: dead, old, unreadable vote (kept)
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-c', 'h', '10.0.1.3', 1, 1, :old, 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, '2030-01-01 00:00:00+00', 'silo-d', 'h', '10.0.1.4', 1, 1, :old, 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-e', 'h', '10.0.1.5', 1, 1, :old, 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute upd_member(:c, '10.0.1.5', 1, 1, :old, 6, 'S10.0.0.1:11111:100,2019-12-31 00:00:00.000 GMT|S10.0.0.2:11111:200,2030-01-01 00:00:00.000 GMT', :ver) \gset um_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-f', 'h', '10.0.1.6', 1, 1, :old, 3, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-g', 'h', '10.0.1.7', 1, 1, :old, 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute upd_member(:c, '10.0.1.7', 1, 1, :old, 6, 'S10.0.0.1:11111:100,2019-12-31 23:59:59.999 GMT', :ver) \gset um_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-h', 'h', '10.0.1.8', 1, 1, :old, 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute upd_member(:c, '10.0.1.8', 1, 1, :old, 6, 'not-a-vote', :ver) \gset um_
select verify.expect((select count(*) from orleans_membership where deploymentid = :c) = 8, 'eight silos before clean-up');
select version as ver_before from orleans_membership_version where deploymentid = :c \gset
execute cleanup_bulk(:c, '2025-01-01 00:00:00+00');
select verify.expect((select string_agg(siloname, ',' order by siloname) from orleans_membership where deploymentid = :c)
                     = 'silo-a,silo-b,silo-d,silo-e,silo-f,silo-h',
    'CleanupDefunctSiloEntries deletes only old Dead silos without recent votes (C, G)');
select verify.expect((select version from orleans_membership_version where deploymentid = :c) = :ver_before,
    'clean-up leaves the table version alone');

-- per-row variant: pass back exactly what the provider read
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute ins_member(:c, :old, 'silo-i', 'h', '10.0.1.9', 1, 1, '2019-06-01 12:34:56.789012+00', 6, 0, :ver) \gset im_
select version as ver from orleans_membership_version where deploymentid = :c \gset
execute upd_member(:c, '10.0.1.9', 1, 1, :old, 6, 'S10.0.0.1:11111:100,2019-12-31 00:00:00.000 GMT', :ver) \gset um_
execute read_row(:c, '10.0.1.9', 1, 1) \gset i_
execute cleanup_one(:c, '10.0.1.9', 1, 1, :'i_suspecttimes', :'i_starttime', '2020-01-01 00:00:00.000001+00');
select verify.expect(exists (select 1 from orleans_membership where siloname = 'silo-i'),
    'CleanupDefunctSiloEntry keeps a row whose heartbeat changed since it was read');
execute cleanup_one(:c, '10.0.1.9', 1, 1, null, :'i_starttime', :'i_iamalivetime');
select verify.expect(exists (select 1 from orleans_membership where siloname = 'silo-i'),
    'CleanupDefunctSiloEntry keeps a row whose votes changed since it was read');
execute cleanup_one(:c, '10.0.1.9', 1, 1, :'i_suspecttimes', :'i_starttime', :'i_iamalivetime');
select verify.expect(not exists (select 1 from orleans_membership where siloname = 'silo-i'),
    'CleanupDefunctSiloEntry deletes the Dead row when all captured values match');
execute read_row(:c, '10.0.1.4', 1, 1) \gset d_
execute cleanup_one(:c, '10.0.1.4', 1, 1, null, :'d_starttime', :'d_iamalivetime');
select verify.expect(not exists (select 1 from orleans_membership where siloname = 'silo-d'),
    'CleanupDefunctSiloEntry matches a null SuspectTimes parameter against a row without votes');
execute read_row(:c, '10.0.1.6', 1, 1) \gset f_
execute cleanup_one(:c, '10.0.1.6', 1, 1, null, :'f_starttime', :'f_iamalivetime');
select verify.expect(exists (select 1 from orleans_membership where siloname = 'silo-f'),
    'CleanupDefunctSiloEntry never deletes a silo that is not Dead');

\echo '-- clustering: delete cluster'
execute del_cluster(:c);
select verify.expect(not exists (select 1 from orleans_membership where deploymentid = :c)
                     and not exists (select 1 from orleans_membership_version where deploymentid = :c)
                     and exists (select 1 from orleans_membership_version where deploymentid = 'other-cluster'),
    'DeleteMembershipTableEntries removes only that cluster');

-- ---------------------------------------------------------------- persistence
\echo '-- persistence'
-- note: psql gset unsets a variable when the value is NULL, hence the :{?var} tests
\set g '111, 0, 42, 222, ''Bio.Invoice'', null, ''bio-svc'''
\set s '333, 0, 0, 444, ''Bio.Customer'', ''cust-7'', ''bio-svc'''
create temp table rd as execute st_read(:g);
select verify.expect((select count(*) from rd) = 0, 'ReadFromStorage of a never-written grain -> no row');
drop table rd;
execute st_write(:g, null, '\x0102') \gset w_
select verify.expect(:'w_newgrainstateversion' = '1', 'first write (no ETag) -> version 1');
execute st_write(:g, null, '\x0103') \gset w_
select verify.expect(not :{?w_newgrainstateversion}, 'another first write (no ETag) while the row exists -> NULL (conflict)');
execute st_read(:g) \gset r_
select verify.expect(:'r_payloadbinary' = '\x0102' and :'r_version' = '1', 'read returns payload and version 1');
execute st_write(:g, 1, '\x0104') \gset w_
select verify.expect(:'w_newgrainstateversion' = '2', 'update with version 1 -> 2');
execute st_write(:g, 1, '\x0105') \gset w_
select verify.expect(not :{?w_newgrainstateversion}, 'update with stale version 1 -> NULL (conflict)');
execute st_read(:g) \gset r_
select verify.expect(:'r_payloadbinary' = '\x0104' and :'r_version' = '2', 'conflicting writes did not change the row');
execute st_write(:s, null, '\x07') \gset w_
select verify.expect(:'w_newgrainstateversion' = '1', 'string-keyed grain (key in extension) gets its own row');
execute st_write(333, 0, 0, 444, 'Bio.Customer', null, 'bio-svc', null, '\x08') \gset w_
select verify.expect(:'w_newgrainstateversion' = '1', 'null extension is a different grain than extension cust-7');
execute st_clear(:g, 1) \gset c_
select verify.expect(not :{?c_newgrainstateversion}, 'clear with stale version -> NULL (conflict)');
execute st_clear(:g, 2) \gset c_
select verify.expect(:'c_newgrainstateversion' = '3', 'clear with version 2 -> 3');
execute st_read(:g) \gset r_
select verify.expect(not :{?r_payloadbinary} and :'r_version' = '3', 'after clear: row kept, payload NULL, version 3');
execute st_write(:g, 3, '\x0109') \gset w_
select verify.expect(:'w_newgrainstateversion' = '4', 'write after clear with version 3 -> 4');
execute st_delete(:g, 3) \gset d_
select verify.expect(not :{?d_newgrainstateversion}, 'delete with stale version -> NULL (conflict)');
execute st_delete(:g, 4) \gset d_
select verify.expect(:'d_newgrainstateversion' = '5', 'delete with version 4 -> 5 (differs from the ETag)');
create temp table rd as execute st_read(:g);
select verify.expect((select count(*) from rd) = 0, 'after delete the grain has no row');
drop table rd;
execute st_write(:g, null, '\x01') \gset w_
select verify.expect(:'w_newgrainstateversion' = '1', 'first write after delete -> version 1 again');
select verify.expect((select count(*) from orleans_storage) = 3, 'three state rows in total');

-- ---------------------------------------------------------------- reminders
\echo '-- reminders'
\set svc '''bio-svc'''
execute rem_upsert(:svc, 100, 'invoice/1', 'r1', :t0, 60000) \gset u_
select verify.expect(:'u_version' = '1', 'upsert new reminder -> version 1');
execute rem_upsert(:svc, 100, 'invoice/1', 'r1', :t0, 120000) \gset u_
select verify.expect(:'u_version' = '2', 'upsert same reminder -> version 2');
execute rem_upsert(:svc, 100, 'invoice/1', 'r2', :t0, 60000) \gset u_
-- hashes are uint values sent as int: 4294966296 -> -1000, 2294967296 -> -2000000000
execute rem_upsert(:svc, 2000000000, 'invoice/2', 'r3', :t0, 60000) \gset u_
execute rem_upsert(:svc, -1000, 'invoice/3', 'r4', :t0, 60000) \gset u_
execute rem_upsert_long(:svc, -2000000000, 'invoice/4', 'r5', :t0, 3000000000) \gset u_
execute rem_upsert('other-svc', 100, 'invoice/1', 'r1', :t0, 60000) \gset u_
select verify.expect((select period from orleans_reminder where remindername = 'r5') = 3000000000,
    'period above the int range is stored (the provider sends it as int8)');
create temp table rr as execute rem_rows(:svc, 'invoice/1');
select verify.expect((select string_agg(remindername, ',' order by remindername) from rr) = 'r1,r2',
    'ReadReminderRows returns the two reminders of invoice/1');
drop table rr;
execute rem_row(:svc, 'invoice/1', 'r1') \gset one_
select verify.expect(:'one_period' = '120000' and :'one_version' = '2'
                     and :'one_starttime'::timestamptz = :t0::timestamptz, 'ReadReminderRow returns the updated row');
create temp table rr as execute rem_row(:svc, 'invoice/1', 'nope');
select verify.expect((select count(*) from rr) = 0, 'ReadReminderRow of an unknown reminder -> no row');
drop table rr;
create temp table rr as execute rem_range1(:svc, 0, 1000);
select verify.expect((select string_agg(remindername, ',' order by remindername) from rr) = 'r1,r2',
    'range (0, 1000] with begin < end -> r1, r2');
drop table rr;
create temp table rr as execute rem_range1(:svc, -1000, 100);
select verify.expect((select string_agg(remindername, ',' order by remindername) from rr) = 'r1,r2',
    'range (-1000, 100]: begin exclusive, end inclusive');
drop table rr;
create temp table rr as execute rem_range2(:svc, 1000, -1500);
select verify.expect((select string_agg(remindername, ',' order by remindername) from rr) = 'r3,r5',
    'wrapping range begin 1000 > end -1500 -> (1000, max] + [min, -1500] = r3, r5');
drop table rr;
create temp table rr as execute rem_range2(:svc, 100, 100);
select verify.expect((select count(*) from rr) = 5, 'begin = end -> whole ring (all 5 reminders of the service)');
drop table rr;
execute rem_delete(:svc, 'invoice/1', 'r1', 1) \gset del_
select verify.expect(not :'del_deleted'::boolean, 'delete with stale ETag -> false');
execute rem_delete(:svc, 'invoice/1', 'r1', 2) \gset del_
select verify.expect(:'del_deleted'::boolean, 'delete with current ETag -> true');
execute rem_delete(:svc, 'invoice/1', 'r1', 2) \gset del_
select verify.expect(not :'del_deleted'::boolean, 'delete again -> false');
execute rem_delete_all(:svc);
select verify.expect(not exists (select 1 from orleans_reminder where serviceid = :svc)
                     and exists (select 1 from orleans_reminder where serviceid = 'other-svc'),
    'DeleteReminderRows removes only that service');

select verify.expect(exists (select 1 from pg_namespace where nspname = 'bio'), 'schema bio exists');
SQL
