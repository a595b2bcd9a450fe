import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { countUnread } from "../db/notification-store";

/**
 * The header's count: the account's own unread notifications and its own space's. (Those of a
 * space one acts in for someone else are counted on the notifications page, which checks the
 * right to see them.)
 */
export async function unreadCount(session: CurrentSession): Promise<number> {
  const ref = session.account.fhirRef;
  const patientIds = ref.startsWith("Patient/") ? [ref.slice("Patient/".length)] : [];
  return countUnread({ accountId: session.account.id, patientIds });
}
