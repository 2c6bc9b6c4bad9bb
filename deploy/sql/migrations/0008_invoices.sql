-- 0008: issued invoices, numbered without gaps per invoice series.
--
-- bio.invoice_series: one counter row per series. Issuing takes the next number with
--   insert ... on conflict (series) do update set last_number = last_number + 1 returning last_number
--   in the same transaction as the invoice insert: the row lock serialises issuers of one series, and a transaction
--   that fails (or a crash) rolls the counter back with the invoice, so numbers are 1, 2, 3, ... without gaps.
-- bio.invoice: one row per issued invoice; (series, number) unique, and at most one invoice per account and
--   billing period (local days, both ends included): issuing again finds the existing one.
--   settlement_basis: which meter data and price versions the amounts were computed from (given by the caller).
-- bio.invoice_line: the lines in order; a line names a metering point (GSRN), a contract, or both.
-- bio.invoice_vat: VAT per rate (taxable sum and VAT rounded once per rate, EN 16931 BR-CO-17).
-- Amounts are DKK with 2 decimals, quantities 3, unit prices 6; the store refuses values with more decimals
-- instead of letting numeric round them.

create table bio.invoice_series
(
    series      text   primary key,
    last_number bigint not null check (last_number > 0)
);

create table bio.invoice
(
    id                  bigint         generated always as identity primary key,
    series              text           not null references bio.invoice_series (series),
    number              bigint         not null check (number > 0),
    account_id          text           not null,
    period_first        date           not null,
    period_last         date           not null,
    issued_at           timestamptz    not null,
    bill_run_id         text           not null,
    total_excluding_vat numeric(18, 2) not null,
    total_vat           numeric(18, 2) not null,
    total               numeric(18, 2) not null,
    settlement_basis    jsonb          not null,
    unique (series, number),
    unique (account_id, period_first, period_last),
    check (period_last >= period_first),
    check (total = total_excluding_vat + total_vat)
);

create table bio.invoice_line
(
    invoice_id     bigint         not null references bio.invoice (id),
    line_number    integer        not null check (line_number > 0),
    metering_point text           null,
    contract_id    text           null,
    element_id     text           not null,
    description    text           not null,
    kind           text           not null,
    quantity       numeric(18, 3) not null,
    unit_price     numeric(18, 6) null,
    amount         numeric(18, 2) not null,
    vat_code       text           not null,
    vat_percent    numeric(5, 2)  not null check (vat_percent between 0 and 100),
    primary key (invoice_id, line_number),
    check (metering_point is not null or contract_id is not null)
);

create table bio.invoice_vat
(
    invoice_id  bigint         not null references bio.invoice (id),
    position    integer        not null check (position > 0),
    vat_code    text           not null,
    vat_percent numeric(5, 2)  not null check (vat_percent between 0 and 100),
    taxable     numeric(18, 2) not null,
    vat         numeric(18, 2) not null,
    primary key (invoice_id, position),
    unique (invoice_id, vat_code, vat_percent)
);
