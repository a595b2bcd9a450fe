-- migrate: without transaction
-- The documents page filtered by a category (« Analyses », « Imagerie »…) counted the record's
-- documents of that category by reading every entry of the record in
-- resource_patient_documents_idx and testing its category: for a patient with 5,000 documents in
-- six categories, 0.82 ms against 0.50 ms for the whole record, and the filtered page came out
-- slower than the documents page in every round of issue 16's bench. Keyed by category after the
-- patient, the count reads only that category's entries: 0.19 ms for the patient herself, 0.26 ms
-- for a professional (pgbench, prepared statements, the bench's held world). `security` is
-- INCLUDEd so that a reader's levels are tested on the index's entries (an index-only scan), and
-- the date order follows, so that a page of one category walks it and stops at its last row.
-- One more index on every document written: like the readers' three (7-14 % fewer bare row
-- inserts for the three, measured in scripts/bench/measured/pages-2026-12-03.txt), a small part
-- of what a document's creation costs. Checked by
-- tests/integration/documents/documents-reader-indexes.test.ts.
-- CONCURRENTLY, outside a transaction (migrate.ts): the table keeps taking writes while the index
-- is built. Run again from the start after a failure: the DROP removes an index a failed build
-- left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_category_idx";
CREATE INDEX CONCURRENTLY "resource_documents_category_idx" ON "fhir_resource" ("patient_id", "category", "date" DESC NULLS LAST, "id") INCLUDE ("security")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted";
