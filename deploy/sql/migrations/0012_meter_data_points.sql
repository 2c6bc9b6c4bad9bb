-- 0012: a meter data version's points packed in one bytea instead of three arrays.
--
-- Reading a metering point-month (31 day rows) as integer[], numeric(18,3)[] and smallint[] cost about 2.4 ms of
-- client CPU and 1.4 ms of PostgreSQL CPU, most of it per array element on both sides; the same points as one bytea
-- per row cost about a quarter of that, and a COPY of them writes no per-element array headers.
--
-- points: 14 bytes per point, in position order, big-endian (network order, as int4send, int8send and int2send
-- write them):
--   position  int4, 1-based (column "point" of bio.meter_points)
--   quantity  int8, thousandths of a kWh (quantities have 3 decimals); -2^63 where there is none (quality A02)
--   quality   int2, 1..6 for A01..A06
-- bio.meter_points(points) unpacks them for SQL, e.g.
--   select v.gsrn, p.* from bio.meter_data_version v cross join lateral bio.meter_points(v.points) p

create function bio.meter_points(points bytea)
    returns table (point integer, quantity numeric(18, 3), quality smallint)
    language sql immutable parallel safe -- not strict: PostgreSQL inlines it into the calling query
as $$
    select (get_byte(points, o) << 24) | (get_byte(points, o + 1) << 16) | (get_byte(points, o + 2) << 8) | get_byte(points, o + 3),
           (nullif((get_byte(points, o + 4)::bigint << 56) | (get_byte(points, o + 5)::bigint << 48) | (get_byte(points, o + 6)::bigint << 40)
                 | (get_byte(points, o + 7)::bigint << 32) | (get_byte(points, o + 8)::bigint << 24) | (get_byte(points, o + 9)::bigint << 16)
                 | (get_byte(points, o + 10)::bigint << 8) | get_byte(points, o + 11), -9223372036854775808)::numeric / 1000)::numeric(18, 3),
           ((get_byte(points, o + 12) << 8) | get_byte(points, o + 13))::smallint
    from generate_series(0, length(points) - 14, 14) as o
$$;

alter table bio.meter_data_version add column points bytea;

update bio.meter_data_version v
set points = (
    select string_agg(int4send(u.pos) || int8send(coalesce((u.qty * 1000)::bigint, -9223372036854775808)) || int2send(u.qual), ''::bytea order by u.i)
    from unnest(v.positions, v.quantities, v.qualities) with ordinality as u(pos, qty, qual, i));

alter table bio.meter_data_version
    alter column points set not null,
    drop column positions,
    drop column quantities,
    drop column qualities,
    add constraint meter_data_version_points_check check (length(points) > 0 and length(points) % 14 = 0);
