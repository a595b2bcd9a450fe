-- The audit trail is shown in `seq` order, and `npm run audit:verify` reports a row shown out of
-- its chain order as reordered. `seq` came from the column default, taken before the chain
-- trigger waits for the patient's chain head: two concurrent writes for one patient could take
-- seq 10 and 11 and then chain positions k+1 and k. Taking `seq` again once the head is locked
-- (the lock is held until commit) makes seq order and chain order agree for every patient.
-- The value taken by the default is simply skipped: seq has gaps anyway (rolled-back inserts).

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  k text := coalesce(NEW.patient_id::text, '-');
  head_seq bigint;
  head_hash text;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1 WHERE chain_key = k RETURNING seq, hash INTO head_seq, head_hash;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head AS h (chain_key, seq, hash) VALUES (k, 1, '')
      ON CONFLICT (chain_key) DO UPDATE SET seq = h.seq + 1
      RETURNING seq, hash INTO head_seq, head_hash;
  END IF;
  NEW.seq := nextval('audit_event_seq_seq');
  NEW.chain_seq := head_seq;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_event_hash(head_hash, NEW);
  UPDATE audit_chain_head SET hash = NEW.hash WHERE chain_key = k;
  RETURN NEW;
END $$;
