import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import { RelativesRefusal } from "./relatives-refusal";

/**
 * How many invitations a space sends in 24 hours. Each one e-mails the address typed, whoever
 * it is, and the patient: without a bound, one signed-in account made the portal send e-mails
 * without end to a stranger's inbox, from the portal's own domain. Cancelled invitations count,
 * or cancelling and inviting again would start over. Twenty is well above what a family sends
 * in a day, invitations sent again after a typo included.
 */
export const MAX_INVITATIONS_PER_DAY = 20;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Refuses a new invitation once the space sent MAX_INVITATIONS_PER_DAY in the last 24 hours.
 * Run inside the transaction that inserts it: the lock on the space's invitations holds until
 * that transaction ends, so invitations posted at once are counted one after another and the
 * bound holds exactly. Read by the (patient_id, created_at) index.
 */
export async function refuseInvitationPastQuota(db: Queryable, patientId: string, now: Date): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended('delegation-invitations:' || $1, 0)) IS NULL AS locked", [patientId]);
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM delegation_invitation WHERE patient_id = $1::uuid AND created_at > $2::timestamptz",
    [patientId, new Date(now.getTime() - DAY_MS).toISOString()],
  );
  if ((row?.n ?? 0) >= MAX_INVITATIONS_PER_DAY) throw invitationQuotaReached();
}

const invitationQuotaReached = () => new RelativesRefusal("trop", `Pas plus de ${MAX_INVITATIONS_PER_DAY} invitations en 24 heures.`);
