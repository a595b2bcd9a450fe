import "@/server/server-only";
import { inPrisma, type Queryable } from "../db/queryable";
import { closuresDueForErasure } from "../db/space-closure-store";
import { systemRepository } from "../fhir/repository";
import { enqueueEmail } from "../mail/enqueue-email";
import { spaceErasedEmail } from "../accounts/space-closure-emails";

/**
 * The daily erasure of closed spaces whose time has come (daily-jobs.ts). Code de la santé
 * publique, art. R1111-36: a closed space's data « sont archivées pendant une période de dix ans.
 * Elles sont supprimées automatiquement au-delà de ce délai. Si le titulaire formule une demande
 * expresse de suppression des données […] il est fait droit à sa demande dans un délai maximum de
 * trois mois » — here 30 days after the closure (close-space.ts, ERASE_AFTER_DAYS). Each space in
 * one transaction: the trail row first (her Patient still exists, so her chain takes it), then the
 * database's own function, which removes nothing unless the closure says it is due
 * (migration 20261227020000_erase_closed_space, and 20261228010000_erase_closed_space_outbox, which
 * also removes the outbox's e-mails to her address), then the e-mail, to the address read before the
 * account goes. The trail stays, hash-chained (npm run audit:verify).
 */
const BATCH = 50;

export async function eraseClosedSpaces(db: Queryable, now: Date): Promise<{ erased: number }> {
  const due = await closuresDueForErasure(db, now, BATCH);
  let erased = 0;
  for (const closure of due) {
    const system = await systemRepository("space-erasure");
    const done = await system.transaction(async ({ tx, audit }) => {
      const q = inPrisma(tx);
      const [account] = await q.query<{ email: string }>("SELECT email FROM account WHERE id = $1::uuid", [closure.accountId]);
      const why = closure.eraseDueAt && closure.eraseDueAt <= now ? "request" : "ten-years";
      await audit({ patientId: closure.patientId, entity: `Patient/${closure.patientId}`, interaction: "delete", outcome: "success", detail: { action: "erase-closed-space", why } });
      const [row] = await q.query<{ versions: number }>("SELECT erase_closed_space($1::uuid) AS versions", [closure.patientId]);
      // Not due by the database's clock (a second server ran it a moment before): its audit row rolls back with it.
      if (!row || row.versions === 0) throw new NothingErased();
      if (account) await enqueueEmail(q, spaceErasedEmail(account.email, closure.closedAt));
      return true;
    }).catch((error: unknown) => {
      if (error instanceof NothingErased) return false;
      throw error;
    });
    if (done) erased++;
  }
  return { erased };
}

class NothingErased extends Error {}
