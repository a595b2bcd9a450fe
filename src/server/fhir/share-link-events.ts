import "@/server/server-only";
import { database } from "../db/client";

/**
 * What happened through a patient's share links, read from their audit trail: the events the
 * links page lists under each link, and how many there are. The links themselves are in
 * share-links.ts.
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
 * What readLinkEvents runs ($1 the patient, $2 and $3 the links' agent and entity references, $4
 * the rows per link, $5 the bound of the counts); exported for the test that reads its plan.
 * A link's events are counted up to $5 on each side (its own acts, the patient's rows about it):
 * `capped` says a side has more (one row past the bound is read to know it), so the total is then
 * strictly less than the link's. Its wrong passcodes are counted exactly, on their own
 * partial index (migration 20261211010000): as many entries as wrong passcodes.
 */
export const LINK_EVENTS_SQL = `WITH counted AS MATERIALIZED (
         SELECT l.link, l.share, least(own.total, $5) + least(history.total, $5) AS total, own.total > $5 OR history.total > $5 AS capped, wrong.total AS wrong
           FROM unnest($2::text[], $3::text[]) AS l(link, share)
           CROSS JOIN LATERAL (SELECT count(*) AS total FROM (SELECT 1 FROM audit_event a
                   WHERE a.patient_id = $1::uuid AND a.agent LIKE 'Link/%' AND a.agent = l.link LIMIT $5 + 1) rows) own
           CROSS JOIN LATERAL (SELECT count(*) AS total FROM (SELECT 1 FROM audit_event a
                   WHERE a.patient_id = $1::uuid AND a.entity = l.share AND a.agent NOT LIKE 'Link/%' LIMIT $5 + 1) rows) history
           CROSS JOIN LATERAL (SELECT count(*) AS total
                   FROM audit_event a WHERE a.patient_id = $1::uuid AND a.agent = l.link AND a.interaction = 'link-passcode-failed') wrong
       )
     SELECT e.recorded, e.agent, e.agent_name AS "agentName", e.entity, e.interaction, e.outcome, e.reason, e.detail,
            c.total AS "linkTotal", c.capped AS "linkTotalCapped", c.wrong AS "linkWrongPasscodes"
       FROM counted c
       CROSS JOIN LATERAL (
         SELECT * FROM (
           (SELECT a.seq, a.recorded, a.agent, a.agent_name, a.entity, a.interaction, a.outcome, a.reason, a.detail
              FROM audit_event a
             WHERE a.patient_id = $1::uuid AND a.agent LIKE 'Link/%' AND a.agent = c.link
             ORDER BY a.seq DESC LIMIT $4)
           UNION ALL
           (SELECT a.seq, a.recorded, a.agent, a.agent_name, a.entity, a.interaction, a.outcome, a.reason, a.detail
              FROM audit_event a
             WHERE a.patient_id = $1::uuid AND a.entity = c.share AND a.agent NOT LIKE 'Link/%'
             ORDER BY a.seq DESC LIMIT $4)
         ) newest ORDER BY seq DESC LIMIT $4
       ) e
      ORDER BY e.seq DESC`;

/** Events shown per link, newest first; the others are counted and stay in the access history. */
export const LINK_EVENTS_SHOWN = 50;

/**
 * How far a link's events are counted: beyond, the page says « more than ». A prescription's link
 * is opened a few times, and every event stays in the access history; past a few hundred, the
 * exact number tells the patient nothing more than « more than », and counting it cost each view
 * the link's whole activity (0.5 ms per 1,000 events on the pages bench's machine).
 */
export const LINK_EVENTS_COUNTED = 200;

/**
 * What happened through some links, from the patient's audit trail: openings (right or wrong
 * passcode), views and dispensations, all recorded with the agent "Link/<id>", plus the
 * patient's own share and revoke rows on "ShareLink/<id>". The newest LINK_EVENTS_SHOWN of each
 * link, newest first, each row with how many its link has: a busy link no longer crowds the
 * others out of a shared window, and the page can say what it does not show.
 */
export type LinkEventPage = LinkEventRow & { linkTotal: number; /** The count stopped at its bound: the link has more events than linkTotal. */ linkTotalCapped: boolean; linkWrongPasscodes: number };

export async function readLinkEvents(patientId: string, linkIds: string[], perLink = LINK_EVENTS_SHOWN, countUpTo = LINK_EVENTS_COUNTED): Promise<LinkEventPage[]> {
  if (linkIds.length === 0) return [];
  const { sql } = await database();
  type Counted = number | bigint | string;
  // Per link, bounded by what is shown rather than by the link's whole activity: the newest rows
  // come from two index scans that stop at `perLink` (the link's own acts, "Link/<id>", on the
  // partial index of link rows; the patient's share and revoke rows, "ShareLink/<id>", on the
  // (patient, entity, seq) index), and the counts from the partial index alone (it carries the
  // interaction). Before, every row of the link was read, ranked and sorted on each view: a link
  // opened 1,400 times (issue 16's bench) made the prescription and sharing pages twice as slow
  // as the documents page (the query alone: 15 ms). A row is the link's own when its agent is a
  // link; a "ShareLink/<id>" row by anyone else (the patient, a caregiver) is its history.
  // The counts are a MATERIALIZED step, once per link: as a lateral join beside the rows, the
  // generic plan PostgreSQL picks for a statement prepared once per connection (sql-driver.ts)
  // counted the link's whole activity again for each of its 50 rows (167 ms against 19 ms, on a
  // link opened 7,500 times in the pages bench; the prescription and sharing pages went from
  // 10 to 100 ms once a connection had run it five times). The counts stop at `countUpTo`: a
  // link opened 9,000 times still cost 3 ms of a 6 ms page to count in full (issue 16).
  const rows = await sql.query<LinkEventRow & { linkTotal: Counted; linkTotalCapped: boolean; linkWrongPasscodes: Counted }>(
    LINK_EVENTS_SQL,
    [patientId, linkIds.map((id) => `Link/${id}`), linkIds.map((id) => `ShareLink/${id}`), perLink, countUpTo],
  );
  return rows.map((row) => ({ ...row, linkTotal: Number(row.linkTotal), linkWrongPasscodes: Number(row.linkWrongPasscodes) }));
}
