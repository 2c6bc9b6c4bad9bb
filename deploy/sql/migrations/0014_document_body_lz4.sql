-- 0014: market document bodies compressed with lz4 instead of pglz.
--
-- Every document is kept as received (bio.market_document, bio.rejected_document); at thousands of documents a
-- second, pglz compression of the bodies was the largest single cost of the intake in PostgreSQL. lz4 (PostgreSQL 14 and
-- later) compresses CIM JSON and XML several times faster and reads them back faster. Rows stored before keep pglz
-- until rewritten; PostgreSQL reads both.

alter table bio.market_document alter column body set compression lz4;
alter table bio.rejected_document alter column body set compression lz4;
