-- 0016: the text keys of the intake's tables compare byte by byte (collation "C").
--
-- A database created with a locale such as C.UTF-8 or da_DK.UTF-8 compares text through the C library's strcoll: every
-- comparison in an index of document ids, GSRNs or series ids (thousands of index inserts and probes a second at the
-- intake) paid for linguistic ordering that ids never need. Equality is unchanged; ids order by their bytes, which
-- only breaks ties. Changing a column's collation rebuilds the indexes on it (the rows are not rewritten).

alter table bio.market_document alter column document_id type text collate "C";
alter table bio.market_document_unpublished alter column document_id type text collate "C";
alter table bio.meter_data_version alter column gsrn type text collate "C", alter column version_id type text collate "C";
