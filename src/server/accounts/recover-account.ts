import "@/server/server-only";
import { newTypedCode } from "../auth/one-time-code";
import { recordAccountEvent } from "../db/account-event-store";
import { lockRecoveryTarget, RECOVERY_EVENT, returnToActivation } from "../db/account-recovery-store";
import { inAccountTransaction, type AccountKind } from "../db/account-store";
import { sanitiseForAudit } from "../audit/audit-entry";
import { isUuid } from "../fhir/ids";
import { tellOwnerOfChange } from "../notifications/account-change-notice";
import { ACTIVATION_CODE_LENGTH, ACTIVATION_TTL_MS, activationCodeHash } from "./invite-account";

/**
 * `npm run account:recover`: the holder lost her second factors (phone, passkeys) AND her
 * recovery codes, so no path of the portal lets her back in (a password reset asks for the second
 * factor, and must). The service's assistance runs this AFTER checking her identity out of band;
 * the code it prints goes to her by a channel the
 * assistance verified, never to whoever phoned.
 *
 * The password is cleared, not kept. She lost nothing about it, but the assistance's check is
 * the weak link of this path: a stranger who knows (or phished) the password and talks the
 * assistance into a recovery must still not get in. So the account goes back to "to activate",
 * exactly as an invitation leaves it: the new code (single use, the invitation's 72 hours, keyed
 * hash only) plus, for a patient, the birth date on the record (/activer, start-activation.ts),
 * then a new password and a new second factor, as at first activation (finish-activation.ts).
 * A stranger would need the code, which never goes to the caller; the holder is told by e-mail at
 * the account's address, in the same transaction, and can alert the assistance before the code
 * is used.
 *
 * Everything happens in one transaction: every way in removed and every session ended
 * (account-recovery-store.ts), the new code, the trail row (« Mon compte »'s changes) and the
 * owner's notice with its e-mail. A second run replaces the first code.
 *
 * `operator` names who at the assistance ran it (`--par`): removing every way into an account on
 * someone's word is the path a stranger would try to talk the assistance into, so the trail must
 * say which member of the assistance did it. It goes into the trail row's detail only; the holder
 * reads « par l'assistance du service » on « Mon compte » (account-page-data.ts drops the detail),
 * never the operator's name.
 */
export type RecoverInput = { kind: AccountKind; resourceId: string; operator: string; now: Date };
export type RecoverResult =
  | { ok: true; accountId: string; code: string; expiresAt: Date }
  | { ok: false; reason: "no-operator" | "no-account" | "never-activated" | "disabled" };

/** Longest operator name or id kept: a name, an e-mail or a staff number, not a text. */
const OPERATOR_MAX = 120;

/** The operator as the trail keeps it (no control characters, trimmed, bounded), or undefined when blank. */
export function recoveryOperator(raw: string | undefined): string | undefined {
  return sanitiseForAudit(raw ?? "", OPERATOR_MAX) || undefined;
}

export async function recoverAccount(input: RecoverInput): Promise<RecoverResult> {
  const operator = recoveryOperator(input.operator);
  if (!operator) return { ok: false, reason: "no-operator" };
  if (!isUuid(input.resourceId)) return { ok: false, reason: "no-account" };
  const fhirRef = `${input.kind === "patient" ? "Patient" : "Practitioner"}/${input.resourceId}`;
  const code = newTypedCode(ACTIVATION_CODE_LENGTH);
  return inAccountTransaction(async (db): Promise<RecoverResult> => {
    const account = await lockRecoveryTarget(db, fhirRef);
    if (!account || (account.kind !== "patient" && account.kind !== "practitioner")) return { ok: false, reason: "no-account" };
    // Never activated: the invitation's own code is the way (npm run account:invite), not this.
    if (!account.activatedOnce) return { ok: false, reason: "never-activated" };
    // A disabled account signs in with nothing: removing its factors would reopen nothing.
    if (account.disabled) return { ok: false, reason: "disabled" };
    await returnToActivation(db, { accountId: account.id, activationHash: activationCodeHash(code)!, now: input.now, ttlMs: ACTIVATION_TTL_MS });
    await recordAccountEvent({ accountId: account.id, kind: RECOVERY_EVENT, at: input.now, detail: `assistance : ${operator}` }, db);
    await tellOwnerOfChange(db, { id: account.id, kind: account.kind }, "second-factors-removed", input.now);
    return { ok: true, accountId: account.id, code, expiresAt: new Date(input.now.getTime() + ACTIVATION_TTL_MS) };
  });
}
