-- 0007: meter data as received, one row per series version (a DataHub RSM-012 series: usually one metering
-- point-day of 96 quarter-hours or 24 hours). A message appends its versions (binary COPY); nothing is rewritten,
-- so the write cost of a message is proportional to the message, not to the metering point's history.
-- Corrections are newer versions for the same intervals; what was known at an instant is decided in BiO.Domain
-- (MeteringPointSeries.AsKnownAt) from received_at.
--   positions  1-based positions of the points present
--   quantities kWh with 3 decimals, null where the quality is A02 (not available)
--   qualities  1..6 for A01..A06
--   end_at     the end of the last interval present, for overlap queries

create table bio.meter_data_version
(
    gsrn        text            not null,
    version_id  text            not null,
    document_id text            not null,
    received_at timestamptz     not null,
    start_at    timestamptz     not null,
    end_at      timestamptz     not null,
    resolution  text            not null check (resolution in ('PT15M', 'PT1H')),
    positions   integer[]       not null,
    quantities  numeric(18, 3)[] not null,
    qualities   smallint[]      not null,
    primary key (gsrn, version_id),
    check (cardinality(positions) = cardinality(quantities) and cardinality(positions) = cardinality(qualities)),
    check (end_at > start_at)
);

create index meter_data_version_period on bio.meter_data_version (gsrn, start_at, end_at);
