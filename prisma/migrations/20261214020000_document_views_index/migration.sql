-- migrate: without transaction
-- "Qui a consulté ce document" (read-audit.ts, DOCUMENT_VIEWS_SQL) reads the newest 50 reads and
-- downloads of one document on every view of its page. audit_patient_entity_idx holds every row of
-- the document (its searches' refusals, its changes...), so PostgreSQL, planning with the
-- document's id in hand, weighed it against walking the whole trail newest first and testing each
-- row, and took the walk: 283 ms on the pages bench's held world, whose patient's trail had grown
-- to 471,000 rows, for a document read often but not lately; on a smaller trail, it read every
-- read of the document and sorted them (tests/integration/audit/document-views-plan.test.ts).
-- Partial, on exactly the rows the statement wants, in its order: the newest 50 come first from
-- the index, 0.07 ms on the same world. Only reads and downloads that succeeded are indexed, so
-- the insert of every other audit row (searches, refusals, writes) pays nothing more.
-- CONCURRENTLY, outside a transaction (migrate.ts): the trail keeps taking rows while it is
-- built; run again from the start after a failure, the DROP removes an index a failed build left.
DROP INDEX CONCURRENTLY IF EXISTS "audit_document_views_idx";
CREATE INDEX CONCURRENTLY "audit_document_views_idx" ON "audit_event" ("patient_id", "entity", "seq" DESC)
  WHERE "interaction" IN ('read', 'download') AND "outcome" = 'success';
