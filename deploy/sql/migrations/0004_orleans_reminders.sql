-- 0004: reminder table for Microsoft.Orleans.Reminders.AdoNet 10.4.2 (AdoNetReminderTable).
--
-- All seven keys are required at start-up. Parameter types as Npgsql sends them:
--   @ServiceId text, @GrainId text (GrainId.ToString(), e.g. 'invoice/42'), @ReminderName text,
--   @StartTime timestamptz (UTC), @Period integer OR bigint (milliseconds: the provider sends int
--   when it fits, long otherwise), @GrainHash / @BeginHash / @EndHash integer (the uint ring hash
--   reinterpreted as a signed int, so ranges are compared in signed order), @Version integer (ETag).
-- Reader columns (by name): grainid, remindername, starttime, period (bigint), version.

create table orleans_reminder
(
    serviceid    varchar(150) not null,
    grainid      varchar(512) not null,
    remindername varchar(150) not null,
    starttime    timestamptz  not null,
    period       bigint       not null,   -- milliseconds
    grainhash    integer      not null,   -- GrainId.GetUniformHashCode() as signed int
    version      integer      not null,
    constraint pk_orleans_reminder primary key (serviceid, grainid, remindername)
);

-- ReadRangeRows1Key / ReadRangeRows2Key scan a hash range of one service.
create index ix_orleans_reminder_hash on orleans_reminder (serviceid, grainhash);

comment on table orleans_reminder is 'Orleans reminders (AdoNetReminderTable); version is the ETag.';

insert into orleansquery (querykey, querytext) values
-- Insert or replace one reminder. Params: @ServiceId, @GrainId, @ReminderName, @StartTime, @Period,
-- @GrainHash. Result: one row, column version integer (the new ETag).
('UpsertReminderRowKey', $q$
insert into orleans_reminder as r
       (serviceid, grainid, remindername, starttime, period, grainhash, version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
on conflict (serviceid, grainid, remindername) do update
   set starttime = excluded.starttime,
       period    = excluded.period,
       grainhash = excluded.grainhash,
       version   = r.version + 1
returning r.version
$q$),

-- All reminders of one grain. Params: @ServiceId, @GrainId.
('ReadReminderRowsKey', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleans_reminder r
 where r.serviceid = @ServiceId
   and r.grainid = @GrainId
$q$),

-- One reminder (zero or one row). Params: @ServiceId, @GrainId, @ReminderName.
('ReadReminderRowKey', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleans_reminder r
 where r.serviceid = @ServiceId
   and r.grainid = @GrainId
   and r.remindername = @ReminderName
$q$),

-- Ring range (begin, end] when (int)begin < (int)end. Params: @ServiceId, @BeginHash, @EndHash.
('ReadRangeRows1Key', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleans_reminder r
 where r.serviceid = @ServiceId
   and r.grainhash > @BeginHash
   and r.grainhash <= @EndHash
$q$),

-- Wrapping range (begin, max] + [min, end] when (int)begin >= (int)end (begin = end: whole ring).
-- Params: @ServiceId, @BeginHash, @EndHash.
('ReadRangeRows2Key', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleans_reminder r
 where r.serviceid = @ServiceId
   and (r.grainhash > @BeginHash or r.grainhash <= @EndHash)
$q$),

-- Delete one reminder if its ETag still matches. Params: @ServiceId, @GrainId, @ReminderName,
-- @Version. Result: one row with exactly one boolean column (true = deleted).
('DeleteReminderRowKey', $q$
with deleted as (
    delete from orleans_reminder r
     where r.serviceid = @ServiceId
       and r.grainid = @GrainId
       and r.remindername = @ReminderName
       and r.version = @Version
    returning 1
)
select count(*) > 0 as deleted from deleted
$q$),

-- Delete every reminder of the service (used by tests). Params: @ServiceId. No result.
('DeleteReminderRowsKey', $q$
delete from orleans_reminder
 where serviceid = @ServiceId
$q$);
