import "@/server/server-only";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { Queryable } from "../db/queryable";
import { accountOf } from "../notifications/account-of";
import { notify } from "../notifications/notify";

/**
 * A protection measure's notice to the adult's representative (recorded, ending soon, ended): his
 * account's, not his space's. The notices of his space are read by whoever acts there with the
 * history right (notification-owners.ts), in the words « Une mesure de protection concernant
 * Paul Tuteur… »: they said a judge had placed him under protection, when the measure is the
 * adult's (attack round). His account's notice is his alone, e-mailed to him as before. No
 * account (not activated, closed): nothing, as his space's notice reached no one then either.
 */
export async function tellRepresentative(db: Queryable, representativePatientId: string, kind: NotificationKind, dedupeKey: string): Promise<boolean> {
  const accountId = await accountOf(db, `Patient/${representativePatientId}`);
  return accountId ? notify(db, { accountId, kind, dedupeKey, email: "always" }) : false;
}
