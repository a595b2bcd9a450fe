-- migrate: without transaction
-- Every documents list shows how many documents the reader may see in the record, so every view
-- counts them. The count read each of the record's entries in resource_patient_documents_idx and
-- tested its labels: for a patient with 5,000 documents, 0.8 ms for the patient herself, 1.2 ms
-- for a professional (who sees no restricted document) and 1.4 ms for a caregiver, every view,
-- on the professional's record and the caregiver's documents, the two pages slower than the
-- documents page (issue 16). One small index per usual reader instead, holding only the rows
-- that reader's filter keeps: the count walks its entries and tests nothing (0.45 ms for all three
-- readers on the bench's held world, pgbench, prepared statements).
-- The predicates are written exactly as src/server/fhir/row-filter-sql.ts writes a reader's
-- levels (LEVELS_SQL): PostgreSQL uses a partial index only when it can prove the query's WHERE
-- implies the index's. tests/integration/documents/documents-count-indexes.test.ts checks each
-- reader's count uses its index under a generic plan, as the app's prepared statements run.
-- Keyed by the patient alone: B-tree deduplication keeps each index to a few bytes per document.
-- A filtered or hidden-document count still reads resource_patient_documents_idx, whose INCLUDE
-- holds the columns those filters test.
-- CONCURRENTLY, outside a transaction (migrate.ts): the table keeps taking writes while the
-- indexes are built. Run again from the start after a failure: each DROP removes an index a
-- failed build left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_count_idx";
CREATE INDEX CONCURRENTLY "resource_documents_count_idx" ON "fhir_resource" ("patient_id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted";
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_count_normal_idx";
CREATE INDEX CONCURRENTLY "resource_documents_count_normal_idx" ON "fhir_resource" ("patient_id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted" AND NOT ("security" && ARRAY['R','V']::text[]);
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_count_not_secret_idx";
CREATE INDEX CONCURRENTLY "resource_documents_count_not_secret_idx" ON "fhir_resource" ("patient_id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted" AND NOT ('V' = ANY("security"));
