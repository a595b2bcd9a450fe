-- The chain trigger hashed each audit row through audit_event_hash() and audit_event_canonical(),
-- two SQL-language functions. Called with a whole row, PostgreSQL does not inline them: every
-- call set the SQL function up again, about 300 µs of the database's CPU per audit row (pgbench,
-- four rows per transaction as a page writes them: 2.2-2.9 ms with the SQL functions, 0.9 ms
-- with these, 0.6 ms without the trigger). Every page and API read writes such rows (issue 16).
-- `npm run audit:verify` recomputes every row with the same function: 75 µs a row before, 14
-- after (105,424 rows of the pages bench: 7.9 s, then 1.5 s).
--
-- The same expressions, in PL/pgSQL, which keeps their plans for the session: the canonical
-- form and so every hash are unchanged (all 105,424 stored hashes recomputed equal with these
-- functions before this migration was written; the audit chain tests verify the chain after
-- writes). IMMUTABLE as before; not STRICT, as before (a NULL previous hash gives NULL).
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN jsonb_build_array(
    e.id::text, to_char(e.recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.agent, e.agent_name, e.on_behalf_of, e.actor_kind, e.patient_id::text, e.entity,
    e.interaction, e.outcome, e.reason, e.address, e.user_agent, e.detail, e.chain_seq::text
  )::text;
END $$;

CREATE OR REPLACE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN encode(sha256(convert_to(prev || audit_event_canonical(e), 'UTF8')), 'hex');
END $$;
