-- migrate: without transaction
-- "Qui a consulté ce document" (read-audit.ts, DOCUMENT_VIEWS_SQL) shows the newest 50 views by
-- anyone but the patient, and the patient's own last one apart: a patient who opened a document
-- fifty times pushed a professional's view of it off the table, as refusals once pushed real
-- accesses off the history (security case 45). Each part is read in its order from this index: the
-- patient's own views (1) and the others' (0) are apart after the document, newest first. It
-- replaces audit_document_views_idx, whose leading columns it keeps (documentsOpenedBy reads them),
-- so every read still updates one index. Partial, as that one: only reads and downloads that
-- succeeded. CONCURRENTLY, outside a transaction (migrate.ts): the trail keeps taking rows while
-- it is built; run again after a failure, the first DROP removes an index a failed build left.
DROP INDEX CONCURRENTLY IF EXISTS "audit_document_views_by_whom_idx";
CREATE INDEX CONCURRENTLY "audit_document_views_by_whom_idx" ON "audit_event" (
  "patient_id",
  "entity",
  (CASE WHEN "agent" = 'Patient/' || "patient_id"::text THEN 1 ELSE 0 END),
  "seq" DESC
) WHERE "interaction" IN ('read', 'download') AND "outcome" = 'success';
DROP INDEX CONCURRENTLY IF EXISTS "audit_document_views_idx";
