-- migrate: without transaction
-- Every documents list shows how many documents the reader may see in the record, so every view
-- counts them. The count read each of the record's entries in resource_patient_documents_idx and
-- tested its labels: for a patient with 5,000 documents, 0.8 ms for the patient herself, 1.3 ms
-- for a professional (who sees no restricted document) and 1.5 ms for a caregiver, on every view
-- of the professional's record and the caregiver's documents, the two pages slower than the
-- documents page (issue 16). One index per usual reader instead, holding only the rows that
-- reader's filter keeps: the count walks its entries and tests nothing (0.55 ms for a professional
-- on the bench's held world, pgbench, prepared statements).
-- Keyed like resource_patient_type_date_idx, in the lists' order, rather than by the patient alone
-- (0.38 ms for the count, deduplicated, a fifth of the size): the lists' statements are prepared
-- once per connection, and PostgreSQL may plan them for an average record of a few documents. On
-- the bench's world, with its LIMIT written in the statement, such a plan took an index of the
-- patient alone and sorted a 5,000-document record to show twenty rows: 2.3 ms for a professional's
-- first page, 3.1 ms for a category, against 0.04 and 0.36 ms walking the date order. The app's
-- lists pass their LIMIT as a parameter and were planned in date order, but that is a thin thing to
-- stand on: in the lists' order, whichever index a plan takes stops at the page's last row.
-- The predicates are written exactly as src/server/fhir/row-filter-sql.ts writes a reader's
-- levels (LEVELS_SQL): PostgreSQL uses a partial index only when it can prove the query's WHERE
-- implies the index's. tests/integration/documents/documents-reader-indexes.test.ts checks, for each
-- reader, that the count can use its index and that no list sorts under a generic plan.
-- A count filtered (an author, a category, dates, words) or with hidden documents still reads
-- resource_patient_documents_idx, whose INCLUDE holds the columns those filters test.
-- CONCURRENTLY, outside a transaction (migrate.ts): the table keeps taking writes while the
-- indexes are built. Run again from the start after a failure: each DROP removes an index a
-- failed build left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_idx";
CREATE INDEX CONCURRENTLY "resource_documents_idx" ON "fhir_resource" ("patient_id", "date" DESC NULLS LAST, "id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted";
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_normal_idx";
CREATE INDEX CONCURRENTLY "resource_documents_normal_idx" ON "fhir_resource" ("patient_id", "date" DESC NULLS LAST, "id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted" AND NOT ("security" && ARRAY['R','V']::text[]);
DROP INDEX CONCURRENTLY IF EXISTS "resource_documents_not_secret_idx";
CREATE INDEX CONCURRENTLY "resource_documents_not_secret_idx" ON "fhir_resource" ("patient_id", "date" DESC NULLS LAST, "id")
  WHERE "resource_type" = 'DocumentReference' AND NOT "deleted" AND NOT ('V' = ANY("security"));
