import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { now } from "../clock";
import { countUnreadBySpace } from "../db/notification-store";
import { lostNoticeSpaces } from "./lost-notice-spaces";

/**
 * The header's count: the account's own unread notices and its own space's. (Those of a
 * space one acts in for someone else are counted on the notifications page, which checks the
 * right to see them.) The account's notices about a space where she no longer acts (a caregiver's
 * whose delegation ended) are not counted: the page no longer lists them (lost-notice-spaces.ts).
 * Her rights there are read only when such notices are unread: one statement otherwise, as before.
 */
export async function unreadCount(session: CurrentSession): Promise<number> {
  const ref = session.account.fhirRef;
  const patientIds = ref.startsWith("Patient/") ? [ref.slice("Patient/".length)] : [];
  const counts = await countUnreadBySpace({ accountId: session.account.id, patientIds });
  const lost = counts.some((row) => row.spaceId !== null) ? new Set(await lostNoticeSpaces(session, now())) : new Set<string>();
  return counts.reduce((sum, row) => (row.spaceId !== null && lost.has(row.spaceId) ? sum : sum + row.count), 0);
}
