import "@/server/server-only";
import { randomBytes } from "node:crypto";
import { originColumns, type SessionOrigin } from "../auth/session-origin";
import { ruleRowsJson } from "../fhir/load-rules";
import { rowJsonSql, type ResourceRow } from "../fhir/resource-row";
import { database } from "./client";
import { UNREAD_OF_ACCOUNT_ROW, UNREAD_SPACE_NOTICES_OF_ACCOUNT_ROW } from "./notification-store";
import type { Queryable } from "./queryable";

/**
 * Server-side sessions. The browser holds only the id (inside next-auth's encrypted JWT); every
 * request reads the row, so revoking it, disabling the account or bumping its security stamp
 * ends the session at once.
 */
export type SessionRow = {
  id: string;
  accountId: string;
  securityStamp: number;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  activeSpace: string | null;
  emergencyPatientId: string | null;
  emergencyUntil: Date | null;
  account: { id: string; kind: string; fhirRef: string; displayName: string; disabled: boolean; securityStamp: number };
  /** The header's unread count, when asked for (a page's session), but the account's notices about other spaces. */
  unread?: number;
  /** With `unread`: the account's unread notices about other spaces, which only the person's rights there may count (unread-count.ts). */
  unreadSpaceNotices?: number;
  /** The rule rows of the patient a page shows, when asked for (spaceIdSql says whose). */
  spaceRows?: SpaceRows;
  /** When the account last cleared its documents list (null: never), when asked for. */
  documentsSeen?: Date | null;
  /** The stored row of the resource the page names (null: none), when asked for; nothing decided on it yet. */
  routeRow?: ResourceRow | null;
};

/** One patient's rule rows (load-rules.ts's ruleRowsWhere), read unchecked with a page's session. */
export type SpaceRows = { patientId: string; rows: ResourceRow[] };

/** 256 random bits: the session id is the only secret in the cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * `db`: the transaction of the sign-in (open-session.ts), so the session and the notice of a
 * new browser exist together; alone, the driver.
 */
export async function createSession(
  input: {
    accountId: string;
    securityStamp: number;
    activeSpace: string | null;
    userAgent: string | null;
    address?: string | null;
    now: Date;
    /** When the sign-in proved the second factor with a code (open-session.ts), if it did. */
    secondFactorAt?: Date | null;
    /** The way in that opened it (session-origin.ts); none recorded when absent. */
    openedWith?: SessionOrigin;
  },
  db?: Queryable,
): Promise<string> {
  const q = db ?? (await database()).sql;
  const id = newSessionId();
  const at = input.now.toISOString();
  const origin = originColumns(input.openedWith);
  await q.query(
    `INSERT INTO auth_session (id, account_id, security_stamp, created_at, last_seen_at, active_space, user_agent, address, second_factor_at, opened_with, opened_with_ref)
     VALUES ($1, $2::uuid, $3::int, $4::timestamptz, $4::timestamptz, $5, $6, $7, $8::timestamptz, $9, $10)`,
    // The agent is stored for the user's own "active sessions" view; cut so a header cannot fill the table.
    [id, input.accountId, input.securityStamp, at, input.activeSpace, input.userAgent?.slice(0, 300) ?? null, input.address ?? null, input.secondFactorAt?.toISOString() ?? null, origin.openedWith, origin.openedWithRef],
  );
  return id;
}

/**
 * What a page's session read brings beside the session (findSession says why each). `rulesOf`:
 * the patient a page is about (a professional's view of a record: page-scope.ts), a uuid; `row`:
 * the stored resource a page names in its path (a document's page), its id a uuid.
 */
export type SessionReadOptions = { unread?: boolean; spaceRules?: SpaceRulesRead; rulesOf?: string; documentsSeen?: boolean; row?: { type: string; id: string } };

/**
 * Whose rules a page's session brings besides the patient it names: "delegated", those of the
 * other patient's space a patient account acts in; "own", those of its own space too.
 */
export type SpaceRulesRead = "delegated" | "own";

const PATIENT_REF = `'^Patient/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * Whose rules a page's session brings: the patient the page is about when it names one ($2);
 * for a patient account, the other patient's space it acts in (resolve-actor.ts,
 * delegatedSpaceOf), or else its own when the page reads them (`read`: "own"). A reference is
 * checked to be a Patient's with a uuid before it is cast. Null otherwise: rules are then read
 * when a decision needs them, if it does.
 */
function spaceIdSql(rulesOf: boolean, read: SpaceRulesRead): string {
  return `CASE ${rulesOf ? "WHEN $2::uuid IS NOT NULL THEN $2::uuid" : ""}
      WHEN a.kind = 'patient' AND s.active_space IS DISTINCT FROM a.fhir_ref AND s.active_space ~* ${PATIENT_REF} THEN substr(s.active_space, 9)::uuid
      ${read === "own" ? `WHEN a.kind = 'patient' AND a.fhir_ref ~* ${PATIENT_REF} THEN substr(a.fhir_ref, 9)::uuid` : ""} END`;
}

/**
 * The session and its account, in one statement on the driver: it runs on every request of
 * every page and API call, where Prisma's query interpreter cost more than the query itself.
 * `unread`: with the header's unread count too, for a page (one round trip less, issue 16).
 * `spaceRules`: with the rules of the patient whose record the page shows (spaceIdSql), for a
 * page: who a caregiver acts as is decided on that patient's delegations, and every decision of
 * the page on that patient's rules; each was read in a statement of its own, after the session
 * (a round trip before any of the page's reads) or beside it (issue 16). They are read fresh, as
 * ever, and used only once the session holds (actor-for-session.ts, request-scope.ts).
 * Measured on the pages bench's world, for a caregiver's space, 6 alternating rounds of 150
 * passes over three pages, against the documents page: the caregiver's documents 1.08-1.12
 * before, 1.02-1.06 after; the caregiver's home 0.90-0.98 before, 0.89-0.96 after.
 * `documentsSeen`: with the account's last clearing of its documents list, a column of the row
 * already read, for the documents page's "new" marks (mark-new.ts): it was a statement of its own
 * on every view of the portal's most visited page (issue 16).
 * `row`: with the stored row of the resource a page names in its path (a document's page). It
 * was read beside the session in a statement of its own: one statement less on such a page, each
 * holding the server's thread about 0.1 ms on these machines (issue 16). Nothing is decided on it
 * here: the repository of the session's actor decides on it and audits it (readingRow).
 */
export async function findSession(
  id: string,
  { unread = false, spaceRules, rulesOf, documentsSeen = false, row: routeRow }: SessionReadOptions = {},
): Promise<SessionRow | undefined> {
  const { sql } = await database();
  const params: unknown[] = spaceRules && rulesOf !== undefined ? [id, rulesOf] : [id];
  const routeRowSql = routeRow ? `, ${routeRowJson(params.push(routeRow.id), params.push(routeRow.type))} AS route_row` : "";
  const rows = await sql.query<{
    id: string; account_id: string; security_stamp: number; created_at: Date; last_seen_at: Date; revoked_at: Date | null;
    active_space: string | null; emergency_patient_id: string | null; emergency_until: Date | null;
    kind: string; fhir_ref: string; display_name: string; disabled: boolean; account_stamp: number;
    /** count(*): a string through pg, a bigint through PGlite. */
    unread?: string | bigint;
    unread_space_notices?: string | bigint;
    space_id?: string | null;
    space_rows?: ResourceRow[] | string | null;
    documents_seen?: Date | null;
    route_row?: ResourceRow | string | null;
  }>(
    `SELECT s.id, s.account_id, s.security_stamp, s.created_at, s.last_seen_at, s.revoked_at, s.active_space,
            s.emergency_patient_id, s.emergency_until,
            a.kind, a.fhir_ref, a.display_name, a.disabled, a.security_stamp AS account_stamp${unread ? `, ${UNREAD_OF_ACCOUNT_ROW} AS unread, ${UNREAD_SPACE_NOTICES_OF_ACCOUNT_ROW} AS unread_space_notices` : ""}${
              spaceRules ? `, space.id AS space_id, CASE WHEN space.id IS NOT NULL THEN ${ruleRowsJson("space.id", "r")} END AS space_rows` : ""
            }${documentsSeen ? ", a.last_documents_seen AS documents_seen" : ""}${routeRowSql}
       FROM auth_session s JOIN account a ON a.id = s.account_id${spaceRules ? ` CROSS JOIN LATERAL (SELECT ${spaceIdSql(rulesOf !== undefined, spaceRules)} AS id) AS space` : ""}
      WHERE s.id = $1`,
    params,
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    securityStamp: row.security_stamp,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    activeSpace: row.active_space,
    emergencyPatientId: row.emergency_patient_id,
    emergencyUntil: row.emergency_until,
    account: {
      id: row.account_id,
      kind: row.kind,
      fhirRef: row.fhir_ref,
      displayName: row.display_name,
      disabled: row.disabled,
      securityStamp: row.account_stamp,
    },
    ...(row.unread === undefined ? {} : { unread: Number(row.unread), unreadSpaceNotices: Number(row.unread_space_notices ?? 0) }),
    // A json column comes parsed from pg, as text from some engines.
    ...(row.space_id && row.space_rows
      ? { spaceRows: { patientId: row.space_id, rows: typeof row.space_rows === "string" ? (JSON.parse(row.space_rows) as ResourceRow[]) : row.space_rows } }
      : {}),
    ...(row.documents_seen === undefined ? {} : { documentsSeen: row.documents_seen === null ? null : new Date(row.documents_seen) }),
    ...(row.route_row === undefined ? {} : { routeRow: typeof row.route_row === "string" ? (JSON.parse(row.route_row) as ResourceRow) : row.route_row }),
  };
}

/** The stored row of the resource a page names ($idParam, $typeParam), as loadRow reads it: no access decision. */
function routeRowJson(idParam: number, typeParam: number): string {
  return `(SELECT ${rowJsonSql("rr")} FROM fhir_resource rr WHERE rr.id = $${idParam}::uuid AND rr.resource_type = $${typeParam})`;
}

/** Moves lastSeenAt forward, at most once per `everyMs`, so reads do not all become writes. */
export async function touchSession(id: string, now: Date, everyMs: number): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({
    where: { id, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - everyMs) } },
    data: { lastSeenAt: now },
  });
}

export async function revokeSession(id: string, now: Date, db?: Queryable): Promise<void> {
  const q = db ?? (await database()).sql;
  await q.query("UPDATE auth_session SET revoked_at = $2::timestamptz WHERE id = $1 AND revoked_at IS NULL", [id, now.toISOString()]);
}

export async function setActiveSpace(id: string, activeSpace: string | null): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({ where: { id, revokedAt: null }, data: { activeSpace } });
}

/** Lets the session that made a security change (e.g. the password change itself) survive it. */
export async function adoptSecurityStamp(id: string, accountId: string, securityStamp: number): Promise<void> {
  const { prisma } = await database();
  await prisma.authSession.updateMany({ where: { id, accountId, revokedAt: null }, data: { securityStamp } });
}

/** When this session (of this account, not ended) proved the second factor at sign-in; null if it did not, or that proof has served. */
export async function sessionSecondFactorAt(id: string, accountId: string): Promise<Date | null> {
  const { sql } = await database();
  const rows = await sql.query<{ second_factor_at: Date | string | null }>(
    "SELECT second_factor_at FROM auth_session WHERE id = $1 AND account_id = $2::uuid AND revoked_at IS NULL",
    [id, accountId],
  );
  const at = rows[0]?.second_factor_at;
  return at ? new Date(at) : null;
}

/**
 * Whether this session (of this account, not ended) was opened with a recovery code, as the
 * server recorded it: its sign-in's proof of the second factor is the instant of the account's
 * « recovery-code-used » event (complete-sign-in.ts writes both at the same instant). Not once
 * that proof has served (spendRecentSecondFactor).
 */
export async function openedWithRecoveryCode(id: string, accountId: string): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ id: string }>(
    `SELECT s.id FROM auth_session s
      WHERE s.id = $1 AND s.account_id = $2::uuid AND s.revoked_at IS NULL AND s.second_factor_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM account_event e WHERE e.account_id = s.account_id AND e.kind = 'recovery-code-used' AND e.at = s.second_factor_at)`,
    [id, accountId],
  );
  return rows.length === 1;
}

/**
 * Relies on this session's proof of the second factor at sign-in, if it was given within
 * [since, now], and spends it in the same statement: one proof serves one change, and two
 * requests at once cannot both rely on it.
 */
export async function spendRecentSecondFactor(id: string, accountId: string, since: Date, now: Date): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ id: string }>(
    `UPDATE auth_session SET second_factor_at = NULL
      WHERE id = $1 AND account_id = $2::uuid AND revoked_at IS NULL
        AND second_factor_at >= $3::timestamptz AND second_factor_at <= $4::timestamptz
      RETURNING id`,
    [id, accountId, since.toISOString(), now.toISOString()],
  );
  return rows.length === 1;
}
