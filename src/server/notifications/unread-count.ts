import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { now } from "../clock";
import { countUnread } from "../db/notification-store";
import { lostNoticeSpaces } from "./lost-notice-spaces";

/**
 * The header's count: the account's own unread notices and its own space's. (Those of a
 * space one acts in for someone else are counted on the notifications page, which checks the
 * right to see them.) The account's notices about a space where she no longer acts (a caregiver's
 * whose delegation ended) are not counted: the page no longer lists them (lost-notice-spaces.ts).
 */
export async function unreadCount(session: CurrentSession): Promise<number> {
  const ref = session.account.fhirRef;
  const patientIds = ref.startsWith("Patient/") ? [ref.slice("Patient/".length)] : [];
  return countUnread({ accountId: session.account.id, patientIds, lostSpaces: await lostNoticeSpaces(session, now()) });
}
