-- The home page's emergency notices now say when a professional ended her emergency access herself
-- (emergency-notices.ts reads the 'emergency-end' rows beside the 'emergency-access' ones). Without
-- an index of its own, that read walked the patient's whole trail: the pages bench's patient, with
-- 100,000 rows in hers, saw her home page answer in 34 ms instead of 4 (run 123, issue 16). Partial,
-- as audit_patient_emergency_idx is (20261205020000_audit_bounded_reads): only these rare rows are
-- indexed, so the insert of every other audit row pays nothing more.
CREATE INDEX "audit_patient_emergency_end_idx" ON "audit_event" ("patient_id", "seq" DESC) WHERE "interaction" = 'emergency-end';
