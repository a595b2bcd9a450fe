-- The access history page shows a patient's trail in three groups, each newest first: accesses
-- by others, then attempts refused to others, then the patient's own actions (case 45: neither
-- the patient's own views nor a flood of refused attempts can push real accesses off the first
-- pages). This index has the page's exact order, so any page is read from the index and the
-- count of each group is an index-only scan. Written with the same expression as
-- HISTORY_GROUP_SQL in src/server/audit/read-audit-events.ts: the planner matches it as written.
-- Prisma cannot spell an expression index: the schema has no @@index for it (nothing compares
-- indexes to the schema).
CREATE INDEX "audit_patient_group_seq_idx" ON "audit_event" (
  "patient_id",
  (CASE WHEN "agent" = 'Patient/' || "patient_id"::text THEN 2 WHEN "outcome" = 'denied' THEN 1 ELSE 0 END),
  "seq" DESC
);
