-- Three reads of a patient's trail that grew with it (issue 16). The pages bench now gives the
-- patient a trail of 100,000 rows, mostly her own views, and three pages slowed with it:
--
-- 1. The home page's emergency notices: the emergency accesses of the last 30 days
--    (read-audit.ts, readEmergencyAccesses). Walked the patient's whole trail newest first in
--    search of rows that are rare. Partial: only emergency accesses are indexed, so the insert of
--    every other audit row pays nothing more.
CREATE INDEX "audit_patient_emergency_idx" ON "audit_event" ("patient_id", "seq" DESC) WHERE "interaction" = 'emergency-access';

-- 2. "Dernière action" of each caregiver on the relatives page (last-acts-of-agents.ts): the
--    rows done on the patient's behalf. Partial: only acts on someone's behalf are indexed.
CREATE INDEX "audit_patient_on_behalf_idx" ON "audit_event" ("patient_id", "agent", "recorded") WHERE "on_behalf_of" IS NOT NULL;

-- 3. "Qui a consulté ce document" on a document's page (readDocumentViews): the newest 50 reads
--    of one document. The index had no order: a document read thousands of times was sorted
--    whole on every view. With seq, the newest come first from the index.
DROP INDEX "audit_patient_entity_idx";
CREATE INDEX "audit_patient_entity_idx" ON "audit_event" ("patient_id", "entity", "seq" DESC);
