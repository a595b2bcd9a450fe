-- The erasure of a closed space's data (src/server/jobs/erase-closed-spaces.ts), Code de la santé
-- publique, art. R1111-36: archived ten years from the closure, « supprimées automatiquement
-- au-delà de ce délai », or sooner on the holder's express request (« dans un délai maximum de trois
-- mois »). The history stays append-only for the app's role (audit_chain migration): this one
-- function, run by the owner, is the only way to remove a record's versions, and only of a space
-- whose closure says it is due now. It removes everything of her compartment (every resource and
-- version, file bytes, notices, links, invitations) and her account (its sessions, ways in and its
-- closure row go with it: ON DELETE CASCADE). The audit trail is kept: append-only and
-- hash-chained, it still says who read what and when (npm run audit:verify). It answers how many
-- resource versions it removed; 0 when nothing was due.
CREATE FUNCTION erase_closed_space(space uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  closure space_closure;
  versions integer;
BEGIN
  SELECT * INTO closure FROM space_closure
   WHERE patient_id = space AND (erase_due_at <= now() OR archive_until <= now())
   FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  DELETE FROM fhir_resource_history WHERE patient_id = space;
  GET DIAGNOSTICS versions = ROW_COUNT;
  DELETE FROM binary_content WHERE patient_id = space;
  DELETE FROM fhir_resource WHERE patient_id = space;
  DELETE FROM notification WHERE patient_id = space OR account_id = closure.account_id;
  DELETE FROM notification_preference WHERE account_id = closure.account_id;
  DELETE FROM share_link WHERE patient_id = space;
  DELETE FROM delegation_invitation WHERE patient_id = space;
  DELETE FROM majority_handover WHERE patient_id = space;
  DELETE FROM account WHERE id = closure.account_id;
  DELETE FROM space_closure WHERE patient_id = space;
  RETURN versions;
END $$;

REVOKE ALL ON FUNCTION erase_closed_space(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_closed_space(uuid) TO espace_sante_app;
