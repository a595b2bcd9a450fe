import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { recordAccountEvent } from "../db/account-event-store";
import { inPrisma } from "../db/queryable";
import { deleteSpaceClosure, lockSpaceClosure, reopenAccount } from "../db/space-closure-store";
import { sanitiseForAudit } from "../audit/audit-entry";
import { env } from "../env";
import { isUuid, systemRepository } from "../fhir/repository";
import { enqueueEmail } from "../mail/enqueue-email";
import { recoveryOperator } from "./recover-account";
import { spaceReopenedEmail } from "./space-closure-emails";

/**
 * `npm run account:reopen`: the assistance gives a closed space back to its holder, on her
 * request and after checking her identity out of band, as for a lost account
 * (recover-account.ts). Code de la santé publique, art. R1111-36: « Tout titulaire qui a demandé
 * la clôture de son espace numérique de santé peut demander la création d'un nouvel espace à tout
 * moment. Les données archivées sont transférées vers le nouvel espace. » Her data never left
 * the store (close-space.ts only made it unreadable), so reopening is the same space made active
 * again: her Patient active, her account enabled with the ways in she had (a stranger who talks
 * the assistance into a reopening still needs her password and second factor), the closure's row
 * gone (and with it any erasure she had asked for). One transaction with its trail rows and the
 * e-mail that tells her. What the closure ended for others (delegations, pharmacy links) stays
 * ended: she gives them again if she wants.
 *
 * A space already erased (jobs/erase-closed-spaces.ts) has no row left: « not-closed ».
 */
export type ReopenInput = { patientId: string; operator: string; now: Date };
export type ReopenResult = { ok: true; accountId: string } | { ok: false; reason: "no-operator" | "not-closed" };

export async function reopenSpace(input: ReopenInput): Promise<ReopenResult> {
  const operator = recoveryOperator(input.operator);
  if (!operator) return { ok: false, reason: "no-operator" };
  if (!isUuid(input.patientId)) return { ok: false, reason: "not-closed" };
  const system = await systemRepository("space-reopening");
  // Read before the transaction, which holds the audit chain (cancel-invitation.ts).
  const patient = await system.read<Patient>("Patient", input.patientId).catch(() => undefined);
  if (!patient) return { ok: false, reason: "not-closed" };
  return system.transaction(async ({ tx, update, audit }): Promise<ReopenResult> => {
    const db = inPrisma(tx);
    const closure = await lockSpaceClosure(db, input.patientId);
    if (!closure) return { ok: false, reason: "not-closed" };
    await update<Patient>({ ...patient, active: true }, { ifMatch: patient.meta?.versionId ?? "" });
    await deleteSpaceClosure(db, input.patientId);
    await reopenAccount(db, closure.accountId);
    await recordAccountEvent({ accountId: closure.accountId, kind: "space-reopened", at: input.now, detail: `assistance : ${operator}` }, db);
    await audit({ patientId: input.patientId, entity: `Patient/${input.patientId}`, interaction: "update", outcome: "success", detail: { action: "reopen-space", by: sanitiseForAudit(operator, 120) ?? null } });
    const email = await emailOfAccountIn(db, closure.accountId);
    if (email) await enqueueEmail(db, spaceReopenedEmail(email, { reopenedAt: input.now, signInUrl: `${env().APP_URL.replace(/\/+$/, "")}/connexion`, assistance: env().ASSISTANCE_CONTACT }));
    return { ok: true, accountId: closure.accountId };
  });
}

/** The account's address, read in the transaction (emailOfAccount reads outside it). */
async function emailOfAccountIn(db: ReturnType<typeof inPrisma>, accountId: string): Promise<string | undefined> {
  const [row] = await db.query<{ email: string }>("SELECT email FROM account WHERE id = $1::uuid", [accountId]);
  return row?.email;
}

