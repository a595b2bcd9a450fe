-- A message withdrawn by its sender (issue 15) keeps its place in the conversation, but what it
-- said must be gone from the database, not only hidden when read: its earlier versions in the
-- history still held the text. The history stays append-only for the app's role (audit_chain
-- migration); this one function, run by the owner, is the only way to change it: for one
-- Communication whose current version is withdrawn (entered-in-error), it removes `payload` (the
-- text and the attachment's reference) from every stored version, keeping each version's row,
-- number, date and the rest of its content. It answers how many versions it changed.
CREATE FUNCTION erase_withdrawn_message_text(message_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  changed integer;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM fhir_resource
     WHERE id = message_id AND resource_type = 'Communication' AND content ->> 'status' = 'entered-in-error'
  ) THEN
    RETURN 0;
  END IF;
  UPDATE fhir_resource_history SET content = content - 'payload'
   WHERE id = message_id AND resource_type = 'Communication' AND content ? 'payload';
  GET DIAGNOSTICS changed = ROW_COUNT;
  UPDATE fhir_resource SET content = content - 'payload', search_text = NULL WHERE id = message_id;
  RETURN changed;
END $$;

REVOKE ALL ON FUNCTION erase_withdrawn_message_text(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_withdrawn_message_text(uuid) TO espace_sante_app;
