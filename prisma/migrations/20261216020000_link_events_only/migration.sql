-- migrate: without transaction
-- A pharmacy link's events on the prescription and sharing pages (src/server/fhir/share-link-events.ts)
-- were read from every row the link left in the patient's trail: a pharmacy's view of the
-- prescription leaves four (the patient read, which is the « viewed » event, and three searches of
-- the prescription's lines, dispensations and prescriber, which are no event). The pages read the
-- newest 50 rows, showed the dozen that were events, and counted the searches among the « older
-- events »: 300 views of a link showed 13 views and announced « more than 150 older events ».
-- This index holds the link rows that are events, and only those, as LINK_EVENT_ROW in
-- share-link-events.ts spells them (change one, change the other): the newest events are its first
-- entries, and counting them reads it alone. It replaces the index of every link row; the searches
-- of a pharmacy's view no longer enter any index of link rows.
-- CONCURRENTLY, outside a transaction (migrate.ts): run again from the start after a failure, the
-- first DROP removes an index a failed build left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "audit_patient_link_events_idx";
CREATE INDEX CONCURRENTLY "audit_patient_link_events_idx" ON "audit_event" ("patient_id", "agent", "seq" DESC)
  WHERE "agent" LIKE 'Link/%' AND ("interaction" IN ('link-open', 'link-passcode-failed')
    OR ("interaction" = 'dispense' AND "outcome" = 'success')
    OR ("interaction" = 'read' AND "outcome" = 'success' AND "entity" LIKE 'Patient/%'));
DROP INDEX CONCURRENTLY IF EXISTS "audit_patient_link_agent_idx";
