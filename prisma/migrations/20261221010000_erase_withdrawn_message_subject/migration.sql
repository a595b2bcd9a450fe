-- A withdrawn message's subject goes with its text (found by the attack round): the subject a
-- patient typed (« Résultat sérologie VIH ») stayed the title of the conversation on the
-- professional's side, and in every version of the message's history, after she took the message
-- back. The erasing function (20261202020100_erase_withdrawn_message_text) now removes `topic` as
-- well as `payload` from every stored version of a withdrawn Communication. CREATE OR REPLACE
-- keeps its owner and its grants. Messages withdrawn before lose their subject here too.
CREATE OR REPLACE FUNCTION erase_withdrawn_message_text(message_id uuid) RETURNS integer
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
  UPDATE fhir_resource_history SET content = content - 'payload' - 'topic'
   WHERE id = message_id AND resource_type = 'Communication' AND content ?| array['payload', 'topic'];
  GET DIAGNOSTICS changed = ROW_COUNT;
  UPDATE fhir_resource SET content = content - 'payload' - 'topic', search_text = NULL WHERE id = message_id;
  RETURN changed;
END $$;

SELECT erase_withdrawn_message_text(id) FROM fhir_resource
 WHERE resource_type = 'Communication' AND content ->> 'status' = 'entered-in-error' AND content ? 'topic';
