-- decision.record_cipher is AES-GCM ciphertext in base64 (ADR 0017): PostgreSQL's own compression can never
-- shrink it, yet every decision row over about 2 KB paid a pglz attempt on it before being moved to TOAST.
-- EXTERNAL stores it uncompressed; a row up to 4 KB (a record without its trace, ADR 0025 and its addendum,
-- about 2.4 KB) stays in the table's own page instead of costing TOAST rows, their index entries and their
-- WAL records on every submission (issue #15 item 10). Larger records (with their trace, about 5.4 KB) still go
-- to TOAST, uncompressed.
ALTER TABLE decision ALTER COLUMN record_cipher SET STORAGE EXTERNAL;
ALTER TABLE decision SET (toast_tuple_target = 4096);
