import "@/server/server-only";
import { database } from "../db/client";
import { ENDED_LINKS_SHOWN, LINKS_SQL, linkOf, type ShareLinkRead } from "./share-links";

/**
 * What happened through a patient's share links, read from their audit trail: the events the
 * links page lists under each link, and how many there are, read with the links themselves
 * (their columns and their other uses are in share-links.ts).
 */
export type LinkEventRow = {
  recorded: Date;
  agent: string;
  agentName: string | null;
  entity: string | null;
  interaction: string;
  outcome: string;
  reason: string | null;
  detail: unknown;
};

/**
 * A row of the link's own (agent "Link/<id>") that is one of its events (list-my-links.ts, toEvent):
 * an opening, right or refused, a wrong passcode, a dispensation, a view (the pharmacy's read of
 * the patient, once per view of the prescription). Not the searches each view also makes (its
 * lines, its dispensations, its prescriber): they are no event. Spelled exactly as the predicate
 * of audit_patient_link_events_idx (prisma/migrations/20261216020000_link_events_only), which the
 * planner then uses, and as the WHEN clause of the trigger that counts them
 * (20261217010000_link_event_counts): change one, change the others.
 */
const LINK_EVENT_ROW = `a.agent LIKE 'Link/%' AND (a.interaction IN ('link-open', 'link-passcode-failed')
    OR (a.interaction = 'dispense' AND a.outcome = 'success')
    OR (a.interaction = 'read' AND a.outcome = 'success' AND a.entity LIKE 'Patient/%'))`;

/** A row of the patient (or a caregiver) about the link that is one of its events: its creation, its revocation. */
const PATIENT_LINK_EVENT = `(a.interaction = 'revoke-share' OR (a.interaction = 'share' AND a.outcome = 'success'))`;

/**
 * What listLinksWithEvents runs: the links (LINKS_SQL, $1 to $4), and with each its newest $5
 * events and how many it has. Exported for the test that reads its plan.
 *
 * One statement, where it was two one after the other (the links, then their events by the
 * links' ids): on the prescription's and the sharing pages, that second round trip came after
 * every other read of the page (issue 16). Measured on the pages bench's world (a link opened
 * 1,400 times, 203 links), sequential views of 8 pages interleaved, 3 rounds, whole page against
 * the documents page's: prescription 1.14, 1.10, 1.04 before, 1.00, 0.96, 1.03 after; sharing
 * 1.05, 0.91, 0.95 before, 0.89, 0.85, 0.92 after. The events come as one JSON array per link,
 * so that a link's columns are not sent again with each of its events.
 *
 * A link's own events and wrong passcodes are counted by the database as they are written
 * (share_link_event_count, migration 20261217010000_link_event_counts): one row per link, the
 * exact numbers. They were counted here on each view, the events up to a bound of 200: the scan
 * visited the trail's page of each of those rows (to know it is visible, until a VACUUM marks the
 * page), and a busy link's events are spread over as many pages, 165 of them after a pharmacy's
 * 6,000 views in issue 16's bench (the statement 0.31-0.42 ms then, 0.18-0.27 ms with the counts
 * read, pgbench; the whole prescription page against the documents page, two servers on that
 * world, views interleaved: 1.08, 1.04, 1.00 before, 1.01, 0.99, 0.97 after). The patient's own
 * rows about the link (its creation, its revocation: one or two) are still counted here, up to
 * $6: `capped` says there are more (one row past the bound is read to know it), so the total is
 * then strictly less than the link's.
 */
export const LINKS_WITH_EVENTS_SQL = `WITH links AS MATERIALIZED (${LINKS_SQL}),
     counted AS MATERIALIZED (
         SELECT l.id, coalesce(own.events, 0) + least(history.total, $6) AS total, history.total > $6 AS capped, coalesce(own.wrong_passcodes, 0) AS wrong
           FROM (SELECT id, 'Link/' || id AS link, 'ShareLink/' || id AS share FROM links) l
           LEFT JOIN share_link_event_count own ON own.patient_id = $1::uuid AND own.agent = l.link
           CROSS JOIN LATERAL (SELECT count(*) AS total FROM (SELECT 1 FROM audit_event a
                   WHERE a.patient_id = $1::uuid AND a.entity = l.share AND a.agent NOT LIKE 'Link/%' AND ${PATIENT_LINK_EVENT} LIMIT $6 + 1) rows) history
       )
     SELECT l.*, c.total AS "eventsTotal", c.capped AS "eventsTotalCapped", c.wrong AS "wrongPasscodes",
            (SELECT coalesce(json_agg(json_build_object('recorded', e.recorded, 'agent', e.agent, 'agentName', e.agent_name, 'entity', e.entity,
                       'interaction', e.interaction, 'outcome', e.outcome, 'reason', e.reason, 'detail', e.detail) ORDER BY e.seq DESC), '[]'::json)
               FROM (SELECT * FROM (
                 (SELECT a.seq, a.recorded, a.agent, a.agent_name, a.entity, a.interaction, a.outcome, a.reason, a.detail
                    FROM audit_event a
                   WHERE a.patient_id = $1::uuid AND ${LINK_EVENT_ROW} AND a.agent = 'Link/' || l.id
                   ORDER BY a.seq DESC LIMIT $5)
                 UNION ALL
                 (SELECT a.seq, a.recorded, a.agent, a.agent_name, a.entity, a.interaction, a.outcome, a.reason, a.detail
                    FROM audit_event a
                   WHERE a.patient_id = $1::uuid AND a.entity = 'ShareLink/' || l.id AND a.agent NOT LIKE 'Link/%' AND ${PATIENT_LINK_EVENT}
                   ORDER BY a.seq DESC LIMIT $5)
               ) newest ORDER BY seq DESC LIMIT $5) e) AS events
       FROM links l JOIN counted c ON c.id = l.id
      ORDER BY l."createdAt" DESC, l.id`;

/**
 * Events shown per link, newest first; the others are counted and stay in the access history.
 * Twenty, as a page of the access history or of the documents: it was fifty, which the pages
 * never filled while a pharmacy's searches were read as rows of the link (four rows a view, one
 * event); once only events were read, a link opened often gave the prescription's page a table of
 * fifty « Consultée » rows, 20.6 kB of HTML against 12.
 */
export const LINK_EVENTS_SHOWN = 20;

/**
 * How far the patient's own rows about a link (its creation, its revocation) are counted on each
 * view: beyond, the page says « more than ». A link has one or two; the bound keeps a view's cost
 * fixed whatever the trail holds. The link's own events are counted exactly, as they are written
 * (LINKS_WITH_EVENTS_SQL).
 */
export const LINK_EVENTS_COUNTED = 200;

/**
 * A link with what happened through it, from the patient's audit trail: openings (right or wrong
 * passcode), views and dispensations, all recorded with the agent "Link/<id>", plus the patient's
 * own share and revoke rows on "ShareLink/<id>". Its newest LINK_EVENTS_SHOWN events, newest
 * first, and how many it has: a busy link does not crowd the others out of a shared window, and
 * the page can say what it does not show.
 */
export type ShareLinkWithEvents = ShareLinkRead & {
  events: LinkEventRow[];
  /** Its events: its own, exactly, and the patient's rows about it up to their bound. */
  eventsTotal: number;
  /** The patient's rows about it were counted up to their bound: the link has more events than eventsTotal. */
  eventsTotalCapped: boolean;
  wrongPasscodes: number;
};

type Counted = number | bigint | string;
type EventJson = Omit<LinkEventRow, "recorded"> & { recorded: string };
type Row = ShareLinkRead & { events: EventJson[] | string; eventsTotal: Counted; eventsTotalCapped: boolean; wrongPasscodes: Counted };

/**
 * A patient's links (one prescription's, or all; see LINKS_SQL), each with its events.
 *
 * Per link, bounded by what is shown rather than by the link's whole activity: the newest rows
 * come from two index scans that stop at `perLink` (the link's own events, "Link/<id>", on the
 * partial index of those events, LINK_EVENT_ROW; the patient's share and revoke rows,
 * "ShareLink/<id>", on the (patient, entity, seq) index), and the counts from the row the
 * database keeps per link (LINKS_WITH_EVENTS_SQL says why). Before, every row of the link was read, ranked and sorted on each view: a link
 * opened 1,400 times (issue 16's bench) made the prescription and sharing pages twice as slow
 * as the documents page (the query alone: 15 ms). A row is the link's own when its agent is a
 * link; a "ShareLink/<id>" row by anyone else (the patient, a caregiver) is its history.
 * The counts are a MATERIALIZED step, once per link: as a lateral join beside the rows, the
 * generic plan PostgreSQL picks for a statement prepared once per connection (sql-driver.ts)
 * counted the link's whole activity again for each of its 50 rows (167 ms against 19 ms, on a
 * link opened 7,500 times in the pages bench; the prescription and sharing pages went from
 * 10 to 100 ms once a connection had run it five times). A link opened 9,000 times cost 3 ms of
 * a 6 ms page to count in full (issue 16); the patient's rows about it stop at `countUpTo`.
 */
export async function listLinksWithEvents(
  patientId: string,
  prescriptionId: string | undefined,
  now: Date,
  { perLink = LINK_EVENTS_SHOWN, countUpTo = LINK_EVENTS_COUNTED } = {},
): Promise<ShareLinkWithEvents[]> {
  const { sql } = await database();
  const rows = await sql.query<Row>(LINKS_WITH_EVENTS_SQL, [patientId, prescriptionId ?? null, now.toISOString(), ENDED_LINKS_SHOWN, perLink, countUpTo]);
  return rows.map(({ events, eventsTotal, wrongPasscodes, ...link }) => ({
    ...linkOf(link),
    // JSON carries the times as text: parsed here (a json column comes parsed from pg, as text from some engines).
    events: (typeof events === "string" ? (JSON.parse(events) as EventJson[]) : events).map((event) => ({ ...event, recorded: new Date(event.recorded) })),
    eventsTotal: Number(eventsTotal),
    wrongPasscodes: Number(wrongPasscodes),
  }));
}
