-- The audit trail is append-only and tamper-evident.
--
-- 1. Each row is chained to the previous row of the same patient: hash = sha256(prev_hash || canonical row).
--    The chain head (last seq and hash per patient) lives in audit_chain_head, so a truncated tail
--    is detectable too. The trigger runs as the table owner (SECURITY DEFINER), so the app's role
--    needs no right on audit_chain_head at all.
-- 2. UPDATE, DELETE and TRUNCATE are refused by triggers for everyone, and the app's role
--    (espace_sante_app, which the app switches to on every connection) is not granted them.
-- `npm run audit:verify` recomputes the chain with audit_event_hash() and reports any break.

CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    e.id::text, to_char(e.recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.agent, e.agent_name, e.on_behalf_of, e.actor_kind, e.patient_id::text, e.entity,
    e.interaction, e.outcome, e.reason, e.address, e.user_agent, e.detail, e.chain_seq::text
  )::text
$$;

CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || audit_event_canonical(e), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
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
  NEW.chain_seq := head_seq;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_event_hash(head_hash, NEW);
  UPDATE audit_chain_head SET hash = NEW.hash WHERE chain_key = k;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The app's role. Roles are shared by every database of a server, so create it only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'espace_sante_app') THEN
    CREATE ROLE espace_sante_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database's migration created it at the same moment
END $$;

GRANT USAGE ON SCHEMA public TO espace_sante_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  fhir_resource, fhir_resource_history, binary_content, account, auth_session,
  sign_in_challenge, rate_limit, share_link, dispense_guard
  TO espace_sante_app;
GRANT SELECT, INSERT ON audit_event TO espace_sante_app;
GRANT USAGE, SELECT ON SEQUENCE audit_event_seq_seq TO espace_sante_app;
GRANT SELECT ON audit_chain_head TO espace_sante_app;
-- History is append-only too: versions are never rewritten.
REVOKE UPDATE, DELETE, TRUNCATE ON fhir_resource_history FROM espace_sante_app;
