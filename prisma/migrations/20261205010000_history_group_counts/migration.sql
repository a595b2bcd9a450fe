-- The history page says how many entries each group of a patient's trail holds (accesses by
-- others, refused attempts, the patient's own actions). It counted them on every view, an
-- index-only scan that still grows with the trail: 28 ms at 105,000 rows, the slowest part of
-- the page (issue 16). The chain trigger already updates the patient's chain head once per row,
-- under the lock that orders the chain; it now adds the row to its group's count in that same
-- update, so the page reads three numbers instead of counting the trail.
--
-- The counts are for display: `npm run audit:verify` checks the chain, not them. Only the
-- trigger (SECURITY DEFINER, owned by the migrating role) writes them; the app's role may only
-- read audit_chain_head (20261123000100_audit_chain).
ALTER TABLE "audit_chain_head"
  ADD COLUMN "others_count" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "refused_count" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "own_count" BIGINT NOT NULL DEFAULT 0;

-- The rows already in the trail, grouped as HISTORY_GROUP_SQL (src/server/audit/read-audit-events.ts)
-- groups them. One pass over the trail, at migration time only.
UPDATE "audit_chain_head" h
SET "others_count" = c.others, "refused_count" = c.refused, "own_count" = c.own
FROM (
  SELECT a.patient_id::text AS k,
    count(*) FILTER (WHERE g = 0) AS others,
    count(*) FILTER (WHERE g = 1) AS refused,
    count(*) FILTER (WHERE g = 2) AS own
  FROM (
    SELECT patient_id, CASE WHEN agent = 'Patient/' || patient_id::text THEN 2 WHEN outcome = 'denied' THEN 1 ELSE 0 END AS g
    FROM audit_event WHERE patient_id IS NOT NULL
  ) a
  GROUP BY a.patient_id
) c
WHERE h.chain_key = c.k;

-- As 20261123001000_audit_seq_in_chain_order, with the group's count raised in the last update.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  k text := coalesce(NEW.patient_id::text, '-');
  head_seq bigint;
  head_hash text;
  grp int := CASE WHEN NEW.agent = 'Patient/' || NEW.patient_id::text THEN 2 WHEN NEW.outcome = 'denied' THEN 1 ELSE 0 END;
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
  UPDATE audit_chain_head SET hash = NEW.hash,
    others_count = others_count + (grp = 0)::int,
    refused_count = refused_count + (grp = 1)::int,
    own_count = own_count + (grp = 2)::int
  WHERE chain_key = k;
  RETURN NEW;
END $$;
