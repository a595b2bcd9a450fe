-- The prescription and sharing pages say how many events each pharmacy link has beyond those they
-- show, and how many wrong passcodes it met (src/server/fhir/share-links.ts, readLinkEvents). The
-- events are now counted up to a bound, so a link opened thousands of times no longer costs its
-- whole activity on every view (issue 16's bench: 3 ms of a 6 ms page for a link opened 9,000
-- times). The wrong passcodes are still counted exactly, from this index of those rows alone:
-- as many entries as wrong passcodes, whatever the link's other activity. Partial, so the
-- inserts of other audit rows pay nothing.
CREATE INDEX "audit_patient_link_failed_idx" ON "audit_event" ("patient_id", "agent") WHERE "interaction" = 'link-passcode-failed';
