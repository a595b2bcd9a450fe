-- migrate: without transaction
-- The stamp a professional's home page reads on every view (practitioner-patients.ts, stampOf)
-- matches their authorisations' patients to the Patients' versions. resource_consent_actor_idx
-- held the patient only as an INCLUDEd column, so PostgreSQL sorted the 2,000 patient ids of the
-- bench's professional before merging them with resource_patient_version_idx, on every view: the
-- stamp took 1.52-2.74 ms, and the page came out slower than the documents page in every round of
-- issue 16's bench although it costs a quarter less CPU. Keyed by patient after the professional
-- and the category, the index hands them over in order and the sort goes: 1.34-2.19 ms, the same
-- statement, 3 alternating rounds of 200 on the bench's held world (scripts/bench/measured/
-- pages-2026-12-04.txt). Every use of the old index (a professional's consents, by category) reads
-- this one as well. Checked by tests/integration/access/practitioner-list-stamp-plan.test.ts.
-- CONCURRENTLY, outside a transaction (migrate.ts): the new index is built while the old one
-- still serves, then the old one goes; run again from the start after a failure, the first DROP
-- removes an index a failed build left invalid.
DROP INDEX CONCURRENTLY IF EXISTS "resource_consent_actor_patient_idx";
CREATE INDEX CONCURRENTLY "resource_consent_actor_patient_idx" ON "fhir_resource" ("actor_ref", "category", "patient_id") INCLUDE ("version_id") WHERE "resource_type" = 'Consent';
DROP INDEX CONCURRENTLY IF EXISTS "resource_consent_actor_idx";
