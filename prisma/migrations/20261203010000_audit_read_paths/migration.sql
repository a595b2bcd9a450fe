-- Two reads of a patient's trail that grew with it (issue 16; measured on a bench patient with
-- 105,000 audit rows, most of them her own page views).
--
-- 1. The history page counts each group of the trail. The index of 20261130030000 was meant to
--    make that an index-only scan, but PostgreSQL reads an expression from an index alone only
--    when every column it uses is in the index too: it read the table, 96 ms. With agent and
--    outcome carried in the index (INCLUDE), the counts read only the index: 28 ms.
DROP INDEX "audit_patient_group_seq_idx";
CREATE INDEX "audit_patient_group_seq_idx" ON "audit_event" (
  "patient_id",
  (CASE WHEN "agent" = 'Patient/' || "patient_id"::text THEN 2 WHEN "outcome" = 'denied' THEN 1 ELSE 0 END),
  "seq" DESC
) INCLUDE ("agent", "outcome");

-- 2. The prescription and sharing pages show what happened through each pharmacy link: rows
--    whose agent is "Link/<id>" (src/server/fhir/share-links.ts). No index had the agent, so
--    every view read the whole trail: 48 ms, now 0.1 ms. Partial: only link rows are indexed,
--    so the insert of every other audit row (each API read writes one) pays nothing more.
CREATE INDEX "audit_patient_link_agent_idx" ON "audit_event" ("patient_id", "agent") WHERE "agent" LIKE 'Link/%';
