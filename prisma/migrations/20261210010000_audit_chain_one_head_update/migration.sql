-- The chain head is written once per audit row, not twice (issue 16). The trigger raised the
-- head's seq with one UPDATE, then wrote its hash and counts with a second: two new versions of
-- the same head row for every row of the trail, on every page view and API read. It now locks the
-- head (SELECT ... FOR UPDATE, which makes no new version), computes the row's place and hash, and
-- writes seq, hash and counts in one UPDATE. What each row gets is unchanged: the same chain_seq,
-- prev_hash and hash (audit_event_hash, untouched), and seq still taken while the head is locked,
-- so the trail's order is the chains' order (20261123001000_audit_seq_in_chain_order).
-- A new chain's head is created at seq 0, then locked and raised like any other; two first rows
-- of one patient at once both reach that lock, one after the other.
-- pgbench on a copy of these tables, transactions of 4 rows as a page writes them (synchronous
-- commit off, 4 alternating rounds): 1.42/0.99/1.17/1.26 ms before, 1.22/0.89/0.88/1.18 ms after.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  k text := coalesce(NEW.patient_id::text, '-');
  head_seq bigint;
  head_hash text;
  grp int := CASE WHEN NEW.agent = 'Patient/' || NEW.patient_id::text THEN 2 WHEN NEW.outcome = 'denied' THEN 1 ELSE 0 END;
BEGIN
  SELECT seq + 1, hash INTO head_seq, head_hash FROM audit_chain_head WHERE chain_key = k FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (chain_key, seq, hash) VALUES (k, 0, '') ON CONFLICT (chain_key) DO NOTHING;
    SELECT seq + 1, hash INTO head_seq, head_hash FROM audit_chain_head WHERE chain_key = k FOR UPDATE;
  END IF;
  NEW.seq := nextval('audit_event_seq_seq');
  NEW.chain_seq := head_seq;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_event_hash(head_hash, NEW);
  UPDATE audit_chain_head SET seq = head_seq, hash = NEW.hash,
    others_count = others_count + (grp = 0)::int,
    refused_count = refused_count + (grp = 1)::int,
    own_count = own_count + (grp = 2)::int
  WHERE chain_key = k;
  RETURN NEW;
END $$;
