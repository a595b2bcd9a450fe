import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import type { SessionOrigin } from "../auth/session-origin";
import { timeoutOf } from "../auth/session-policy";
import type { Queryable } from "../db/queryable";
import { revokeSessionsOpenedWith } from "../db/account-session-store";

/**
 * After the owner removes a passkey or unlinks an identity (often because it was an intruder's):
 * every other session of the account that it opened ends, at its next request. The session doing
 * the removal stays, even if that way in opened it: the person in it has just proved the current
 * factor (a code, or the sign-in's own proof minutes ago), and ending it would sign out the owner
 * cleaning up. Returns how many sessions that still counted as signed in were ended, for the
 * page to say (closed-sessions-flash.ts; timed-out ones are ended too, unsaid). `db`: the removal's transaction, so that
 * the way in is never gone with its sessions still open.
 */
export async function closeSessionsOpenedWith(session: CurrentSession, origin: Exclude<SessionOrigin, { method: "password" }>, now: Date, db?: Queryable): Promise<number> {
  const ended = await revokeSessionsOpenedWith(session.account.id, origin, now, session.sessionId, db);
  return ended.filter((row) => !timeoutOf(row, now)).length;
}
