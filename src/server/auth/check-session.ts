import "@/server/server-only";
import { findSession, touchSession, type SessionReadOptions, type SpaceRows } from "../db/session-store";
import type { AccountKind } from "../db/account-store";
import type { ResourceRow } from "../fhir/resource-row";
import { sessionProblem, TOUCH_EVERY_MS } from "./session-policy";

/**
 * The signed-in state of one request, from the server session row. Undefined means "not signed
 * in", whatever the reason (unknown id, revoked, disabled account, stamp changed, timed out):
 * pages send the user to the sign-in page, APIs answer 401.
 */
export type CurrentSession = {
  sessionId: string;
  account: { id: string; kind: AccountKind; fhirRef: string; displayName: string };
  /** "Patient/<id>": the space the user acts in (own, a dependant's, a delegating patient's). */
  activeSpace: string | null;
  /** Break-glass access opened in this session, while it lasts. */
  emergency: { patientId: string; until: Date } | null;
  /** Break-glass access this session opened and that is over: the record's page says it ended rather than « Page introuvable ». */
  emergencyEnded?: { patientId: string; until: Date };
  /** The header's unread count, read with the session for a page (`unread`); absent otherwise. */
  headerUnread?: number;
  /**
   * The rule rows of the patient the page shows (its own space, the other patient's space it acts
   * in, the record a professional opens), read with the session for a page (`spaceRules`); absent
   * otherwise. Unchecked rows, for the request's actor and repository alone (actor-for-session.ts).
   */
  spaceRows?: SpaceRows;
  /**
   * When the account last cleared its documents list (null: never), read with the session for a
   * page (`documentsSeen`); absent otherwise.
   */
  documentsSeen?: Date | null;
  /** The row of the resource a page names in its path (null: none), read with the session for a page (`row`); nothing decided on it yet. */
  routeRow?: ResourceRow | null;
};

export async function checkSession(sessionId: string, now: Date, options: SessionReadOptions = {}): Promise<CurrentSession | undefined> {
  const row = await findSession(sessionId, options);
  if (!row || sessionProblem(row, now)) return undefined;
  const kind = row.account.kind;
  if (kind !== "patient" && kind !== "practitioner") return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(row.id, now, TOUCH_EVERY_MS);
  return {
    sessionId: row.id,
    account: { id: row.account.id, kind, fhirRef: row.account.fhirRef, displayName: row.account.displayName },
    activeSpace: row.activeSpace,
    emergency:
      row.emergencyPatientId && row.emergencyUntil && row.emergencyUntil > now
        ? { patientId: row.emergencyPatientId, until: row.emergencyUntil }
        : null,
    ...(row.emergencyPatientId && row.emergencyUntil && row.emergencyUntil <= now ? { emergencyEnded: { patientId: row.emergencyPatientId, until: row.emergencyUntil } } : {}),
    // With unread notices about another person's space, the header counts them where she still
    // acts there (unread-count.ts), so the count read with the session is not the header's.
    ...(row.unread === undefined || (row.unreadSpaceNotices ?? 0) > 0 ? {} : { headerUnread: row.unread }),
    ...(row.spaceRows ? { spaceRows: row.spaceRows } : {}),
    ...(row.documentsSeen === undefined ? {} : { documentsSeen: row.documentsSeen }),
    ...(row.routeRow === undefined ? {} : { routeRow: row.routeRow }),
  };
}
