-- The erasure of a closed space (20261227020000_erase_closed_space, CSP art. R1111-36) also removes
-- the e-mails kept in the outbox for the account's address: sent or not, they held the address of
-- an account the erasure deletes, and her notices' and the closure's subjects, for as long as the
-- outbox keeps its rows (it is never purged). Found by the attack round: after an erasure, the
-- outbox still named her address three times. The e-mail telling her that her data were erased is
-- queued after this function (src/server/jobs/erase-closed-spaces.ts), and is the only one left.
-- Otherwise the same function: nothing is removed unless the closure says it is due now.
CREATE OR REPLACE FUNCTION erase_closed_space(space uuid) RETURNS integer
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
  DELETE FROM email_outbox WHERE recipient = (SELECT email FROM account WHERE id = closure.account_id);
  DELETE FROM account WHERE id = closure.account_id;
  DELETE FROM space_closure WHERE patient_id = space;
  RETURN versions;
END $$;

REVOKE ALL ON FUNCTION erase_closed_space(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_closed_space(uuid) TO espace_sante_app;
