-- migrate: without transaction
-- The documents list filtered by category (« Analyses », « Imagerie »…) counts the record's
-- documents of that category on every view: the index of 20261203020000 did not hold the
-- category, so that count read the table's rows (for a patient with 5,000 documents, 722 heap
-- pages, 3.4-4.4 ms against 0.8-1.4 ms without the filter), and the filtered page was slower
-- than the unfiltered one in every round of the pages bench (1.08; issue 16). With the category
-- in the index's INCLUDE, the count reads the index alone (0.6 ms); the filtered page's whole
-- time against the unfiltered one's went from 1.10 to 0.92 (medians of 6 interleaved rounds on
-- the bench's held world). The same index, wider, under a new name: the old one goes once the
-- new one is built.
-- CONCURRENTLY, outside a transaction (migrate.ts): the table keeps taking writes while the index
-- is built. Run again from the start after a failure: the first DROP removes an index a failed
-- build left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "resource_patient_documents_idx";
CREATE INDEX CONCURRENTLY "resource_patient_documents_idx" ON "fhir_resource" ("patient_id", "resource_type", "author") INCLUDE ("deleted", "security", "id", "category");
DROP INDEX CONCURRENTLY IF EXISTS "resource_patient_type_author_idx";
