-- A PractitionerRole's practitioner is now its indexed actor_ref (resource_actor_idx), so the
-- facilities where a record's authors practise, and the documents written at a facility, are
-- found by index over the whole directory instead of a capped directory read. Existing roles
-- are filled in here; new writes fill it from columns.ts.
UPDATE "fhir_resource"
   SET "actor_ref" = "content"->'practitioner'->>'reference'
 WHERE "resource_type" = 'PractitionerRole' AND "actor_ref" IS NULL;
