-- The prescription and sharing pages say how many events each pharmacy link has beyond the twenty
-- they list, and how many wrong passcodes it met (src/server/fhir/share-link-events.ts). They
-- counted them on every view, the events up to a bound of 200 (20261211010000_link_counts_bounded):
-- an index scan of the link's newest events that visits each row's page of the trail to know it
-- is visible, as long as no VACUUM has marked those pages. A link's events are spread over the
-- trail (every other access of the patient in between), so a busy link cost each view about 200
-- pages of the trail (issue 16's bench: 165 pages read, 201 visits, after a pharmacy's 6,000 views;
-- the links' statement 0.28 ms against 0.19 ms once vacuumed).
--
-- The database now keeps the counts per link, raised in the transaction that writes the row, and
-- the pages read one row per link: the exact number again, however busy the link. A row counts as
-- an event exactly as the index of those rows selects it (20261216020000_link_events_only) and as
-- LINK_EVENT_ROW spells it in share-link-events.ts: change one, change the others.
--
-- The counts are for display: `npm run audit:verify` checks the trail, not them. Only the trigger
-- (SECURITY DEFINER, owned by the migrating role) writes them; the app's role may only read them.
CREATE TABLE "share_link_event_count" (
  "patient_id" UUID NOT NULL,
  -- "Link/<id>", as the link's rows in the trail name their agent.
  "agent" TEXT NOT NULL,
  "events" BIGINT NOT NULL DEFAULT 0,
  "wrong_passcodes" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "share_link_event_count_pkey" PRIMARY KEY ("patient_id", "agent")
);

CREATE FUNCTION share_link_event_counted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO share_link_event_count AS c (patient_id, agent, events, wrong_passcodes)
    VALUES (NEW.patient_id, NEW.agent, 1, (NEW.interaction = 'link-passcode-failed')::int)
    ON CONFLICT (patient_id, agent) DO UPDATE
      SET events = c.events + 1, wrong_passcodes = c.wrong_passcodes + (NEW.interaction = 'link-passcode-failed')::int;
  RETURN NULL;
END $$;

-- The other rows of the trail (every access by a person) are passed over by the WHEN clause,
-- without a call. A row without a patient is no link's event (the key needs one).
CREATE TRIGGER share_link_event_counted AFTER INSERT ON audit_event
  FOR EACH ROW WHEN (NEW.agent LIKE 'Link/%' AND NEW.patient_id IS NOT NULL AND (NEW.interaction IN ('link-open', 'link-passcode-failed')
    OR (NEW.interaction = 'dispense' AND NEW.outcome = 'success')
    OR (NEW.interaction = 'read' AND NEW.outcome = 'success' AND NEW.entity LIKE 'Patient/%')))
  EXECUTE FUNCTION share_link_event_counted();

-- The rows already in the trail, in the same transaction as the trigger's creation: an audit row
-- written meanwhile waits for the table's lock, then is counted by the trigger.
INSERT INTO share_link_event_count (patient_id, agent, events, wrong_passcodes)
  SELECT patient_id, agent, count(*), count(*) FILTER (WHERE interaction = 'link-passcode-failed')
    FROM audit_event
   WHERE agent LIKE 'Link/%' AND patient_id IS NOT NULL AND (interaction IN ('link-open', 'link-passcode-failed')
      OR (interaction = 'dispense' AND outcome = 'success')
      OR (interaction = 'read' AND outcome = 'success' AND entity LIKE 'Patient/%'))
   GROUP BY patient_id, agent;

GRANT SELECT ON share_link_event_count TO espace_sante_app;

-- The wrong passcodes were counted on this index of those rows alone (20261211010000_link_counts_bounded);
-- nothing reads it now.
DROP INDEX IF EXISTS "audit_patient_link_failed_idx";
