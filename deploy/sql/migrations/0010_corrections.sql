-- 0010: correction settlement and credit notes.
--
-- bio.invoice.kind: 'invoice' (the account's invoice of a billing period, at most one per account and period) or
--   'credit-note' (corrections settled apart from the next invoice; refers_to names the invoice(s) it corrects,
--   period_first/period_last span the periods it corrects). Both take numbers of the account's series.
-- bio.invoice.request_id: the request that issued a credit note; the same request again finds it.
-- bio.invoice_line:
--   corrects_first, corrects_last  the billing period a correction line corrects (null: the invoice's own period)
--   reason                         why a correction line exists (new meter data, a changed price, a link, ...)
--   grid_area                      the metering point's grid area, for reconciling with DataHub's wholesale results
--   data_version, price_version    the settlement basis of the line: the newest meter data and price versions
--                                  (received instants) the amount was computed from
-- What was invoiced for a metering point, period and price element is the sum over all its lines in every invoice
-- and credit note: the index on metering_point reads that ledger.

alter table bio.invoice
    add column kind       text not null default 'invoice' check (kind in ('invoice', 'credit-note')),
    add column refers_to  text null,
    add column request_id text null unique;

alter table bio.invoice drop constraint invoice_account_id_period_first_period_last_key;
create unique index invoice_one_per_account_period on bio.invoice (account_id, period_first, period_last) where kind = 'invoice';

alter table bio.invoice_line
    add column corrects_first date        null,
    add column corrects_last  date        null,
    add column reason         text        null,
    add column grid_area      text        null,
    add column data_version   timestamptz null,
    add column price_version  timestamptz null,
    add check ((corrects_first is null) = (corrects_last is null)),
    add check (corrects_last is null or corrects_last >= corrects_first);

create index invoice_line_metering_point on bio.invoice_line (metering_point) where metering_point is not null;
