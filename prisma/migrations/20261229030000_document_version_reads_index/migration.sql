-- migrate: without transaction
-- « Qui a consulté ce document » (read-audit.ts, DOCUMENT_VIEWS_SQL) now lists the reads of the
-- document's older versions too (a professional's `GET DocumentReference/<id>/_history/1`, a
-- 'vread' row naming "DocumentReference/<id>/_history/1"), as the history narrowed to the document
-- does. They are not in audit_document_views_by_whom_idx, partial on reads and downloads. From
-- audit_patient_entity_idx PostgreSQL, planning for any version's name (one per version, each
-- asked in turn), took the trail's newest first and tested each row, or gathered every read of the
-- version and sorted them (document-views-plan.test.ts). This index holds them as the other holds
-- the document's own reads: the patient's own (1) apart from everyone else's (0), newest first.
-- Partial: only the version reads that succeeded, rare, so the insert of every other audit row
-- pays nothing more. CONCURRENTLY, outside a transaction (migrate.ts): the trail keeps taking rows
-- while it is built; run again after a failure, the DROP removes an index a failed build left.
DROP INDEX CONCURRENTLY IF EXISTS "audit_document_version_reads_idx";
CREATE INDEX CONCURRENTLY "audit_document_version_reads_idx" ON "audit_event" (
  "patient_id",
  "entity",
  (CASE WHEN "agent" = 'Patient/' || "patient_id"::text THEN 1 ELSE 0 END),
  "seq" DESC
) WHERE "interaction" = 'vread' AND "outcome" = 'success';
