-- The prescription and sharing pages show each pharmacy link's newest events and count the
-- others (src/server/fhir/share-links.ts, readLinkEvents). The partial index of link rows
-- (20261203010000) found a link's rows, but each view then read all of them from the table to
-- rank and count them: 15 ms for a link opened 1,400 times (issue 16's bench), where the pages
-- came out twice as slow as the documents page. With the sequence in the index, the newest rows
-- are its first entries; with the interaction carried, the counts read the index alone.
-- Still partial: the inserts of other audit rows pay nothing.
DROP INDEX "audit_patient_link_agent_idx";
CREATE INDEX "audit_patient_link_agent_idx" ON "audit_event" ("patient_id", "agent", "seq" DESC) INCLUDE ("interaction") WHERE "agent" LIKE 'Link/%';
