-- 0011: debit notes, and finding the metering points invoiced with a charge.
--
-- bio.invoice.kind gains 'debit-note': corrections settled apart that the customer owes (EN 16931 type 383); a
--   'credit-note' (381) is one that credits the customer.
-- bio.invoice_line (element_id text_pattern_ops): a charge's lines share the element id prefix
--   "{type}:{owner}:{code}:", so a changed price finds the metering points to rate again with a prefix LIKE.

alter table bio.invoice drop constraint invoice_kind_check;
alter table bio.invoice add constraint invoice_kind_check check (kind in ('invoice', 'credit-note', 'debit-note'));

create index invoice_line_element on bio.invoice_line (element_id text_pattern_ops) where metering_point is not null;
