-- A professional's home page asks on every view whether their list of patients changed, so that
-- a list kept between views never outlives a change (src/server/fhir/practitioner-patients.ts).
-- It asked by counting and summing the versions of every authorisation and block naming the
-- professional and of every patient they name: 1.1 to 1.8 ms of the database's time per view for
-- the bench's professional with 2,000 patients, the page's longest wait, growing with the list
-- (issue 16). The database now keeps a version per professional instead, raised in the same
-- transaction as any write the list depends on, and the page reads one row.
--
-- What the list depends on, as the old stamp counted it:
-- - every Consent of category 'authorise' or 'block' whose actor is the professional (any status,
--   deleted or not: a withdrawal, a block, a new authorisation, a new end date);
-- - every Patient that one of the professional's authorisations names (a new name, a deletion).
-- A row's old and new sides both count, so a Consent moved from one actor to another raises both.
--
-- Only the trigger writes the versions (SECURITY DEFINER, owned by the migrating role); the app's
-- role may only read them. A professional with no row has version 0: a first write creates it.
-- The triggers fire on COPY too; the bench's synthetic load turns triggers off for its own
-- session (copy-synthetic.ts), on a database no server has read yet.
CREATE TABLE "practitioner_list_version" (
  "actor_ref" TEXT NOT NULL,
  "version" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "practitioner_list_version_pkey" PRIMARY KEY ("actor_ref")
);

-- The professionals whose list depends on one side (old or new) of a written row.
CREATE FUNCTION practitioner_list_actors(row_type text, row_category text, row_actor text, row_id uuid) RETURNS text[]
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT CASE
    WHEN row_type = 'Consent' AND row_category IN ('authorise', 'block') AND row_actor IS NOT NULL THEN ARRAY[row_actor]
    WHEN row_type = 'Patient' THEN ARRAY(SELECT a.actor_ref FROM fhir_resource a
                                          WHERE a.patient_id = row_id AND a.resource_type = 'Consent' AND a.category = 'authorise'
                                            AND a.actor_ref IS NOT NULL)
    ELSE '{}'::text[]
  END
$$;

CREATE FUNCTION practitioner_list_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  actors text[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    actors := actors || practitioner_list_actors(NEW.resource_type, NEW.category, NEW.actor_ref, NEW.id);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    actors := actors || practitioner_list_actors(OLD.resource_type, OLD.category, OLD.actor_ref, OLD.id);
  END IF;
  -- In the order of the key, so that two writes raising the same professionals lock them in the same order.
  INSERT INTO practitioner_list_version AS v (actor_ref, version)
    SELECT DISTINCT actor, 1 FROM unnest(actors) AS actor ORDER BY actor
    ON CONFLICT (actor_ref) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

-- Only the rows of the two types call the function; the others (documents, observations…) are
-- passed over by the WHEN clause, without a call.
CREATE TRIGGER practitioner_list_changed_insert AFTER INSERT ON fhir_resource
  FOR EACH ROW WHEN (NEW.resource_type IN ('Consent', 'Patient')) EXECUTE FUNCTION practitioner_list_changed();
CREATE TRIGGER practitioner_list_changed_update AFTER UPDATE ON fhir_resource
  FOR EACH ROW WHEN (NEW.resource_type IN ('Consent', 'Patient') OR OLD.resource_type IN ('Consent', 'Patient')) EXECUTE FUNCTION practitioner_list_changed();
CREATE TRIGGER practitioner_list_changed_delete AFTER DELETE ON fhir_resource
  FOR EACH ROW WHEN (OLD.resource_type IN ('Consent', 'Patient')) EXECUTE FUNCTION practitioner_list_changed();

GRANT SELECT ON practitioner_list_version TO espace_sante_app;

-- The old stamp's own index: it read the Patients' versions from it. Nothing else reads it.
DROP INDEX IF EXISTS "resource_patient_version_idx";
