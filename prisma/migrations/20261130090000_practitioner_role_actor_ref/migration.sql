-- The directory search (src/server/fhir/directory-search.ts) joins a professional to their
-- PractitionerRole (specialty, practice) through actor_ref, which is indexed; the writes set it
-- from PractitionerRole.practitioner from now on (columns.ts), this fills it for existing rows.
UPDATE "fhir_resource"
   SET "actor_ref" = "content"->'practitioner'->>'reference'
 WHERE "resource_type" = 'PractitionerRole' AND "actor_ref" IS NULL;
