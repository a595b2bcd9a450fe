-- migrate: without transaction
-- A professional's home page asks on every view whether their list of patients changed
-- (practitioner-patients.ts, stampOf): the count and version sum of their authorisations and
-- blocks, and of the Patients those name. With 2,000 patients that read 2,000 Consent rows and
-- 2,000 Patient rows from the table (6,676 buffers, 10-15 ms), the page's one heavy statement,
-- and the page was slower than the documents page in every round of the pages bench (issue 16).
-- Two partial indexes holding what the stamp reads let it read the indexes alone: 2.4-4 ms on
-- the bench's held world. Partial: only Consent and Patient rows, so other writes pay nothing.
-- CONCURRENTLY, outside a transaction (migrate.ts): the table keeps taking writes meanwhile; a
-- failed build is dropped and built again when the migration runs again.
DROP INDEX CONCURRENTLY IF EXISTS "resource_consent_actor_idx";
CREATE INDEX CONCURRENTLY "resource_consent_actor_idx" ON "fhir_resource" ("actor_ref", "category") INCLUDE ("version_id", "patient_id") WHERE "resource_type" = 'Consent';
DROP INDEX CONCURRENTLY IF EXISTS "resource_patient_version_idx";
CREATE INDEX CONCURRENTLY "resource_patient_version_idx" ON "fhir_resource" ("id") INCLUDE ("version_id") WHERE "resource_type" = 'Patient';
