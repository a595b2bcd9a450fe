import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import { inviteAccount } from "../accounts/invite-account";
import { findAccountByFhirRef } from "../db/account-enrolment-store";
import { claimHandover, handoverDone, type HandoverActivation } from "../db/majority-handover-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { systemRepository } from "../fhir/repository";
import { findGuardedPatientsBornBetween } from "../fhir/guarded-patients";
import { enqueueEmail } from "../mail/enqueue-email";
import { notify } from "../notifications/notify";
import { handoverActivationEmail } from "./activation-email";
import { addDaysToDay, addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { AGE_OF_MAJORITY, HANDOVER_NOTICE_DAYS, handoverActivationExpiry, inHandoverWindow, majorityDay } from "./majority";

/**
 * The majority handover, run by the periodic job (and `npm run children:majority`). For each
 * young person with a guardian whose 18th birthday is within HANDOVER_NOTICE_DAYS (Paris days,
 * children/majority.ts):
 *   - an activation to take over their space (accounts' inviteAccount), valid until
 *     HANDOVER_GRACE_DAYS after the birthday (not the usual 72 hours), its code e-mailed to the
 *     address on their Patient record; without one, or when it belongs to another account, the
 *     guardians are told to ask for an activation letter; nothing when they already have an account;
 *   - a notice to the young person, and to each live guardian (notify(): e-mails without names
 *     or health data).
 * Idempotent: a row in majority_handover, claimed in the same transaction as the notices and the
 * e-mail, marks it done; a later run skips it, and the notices' keys keep a retry from doubling
 * them. The access itself needs no job: the rules end a guardianship at majority (access/rules.ts).
 *
 * Runs should not overlap (the periodic job holds its lock): two at once could each create an
 * activation code, the second replacing the first, although only one e-mail is sent.
 */
export type HandoverOutcome = { patientId: string; activation: HandoverActivation; guardians: number };
export type MajorityTickResult = { checked: number; handedOver: HandoverOutcome[] };

export async function runMajorityTick(now: Date): Promise<MajorityTickResult> {
  const repo = await systemRepository("majority-handover");
  const handedOver: HandoverOutcome[] = [];
  // Born after the day 18 years ago (of age today: too late, the rules have already ended the
  // access) and up to 18 years before 30 days from now, a day's margin at that end (29 February);
  // a partial birth date ("2008-05") sorts inside. inHandoverWindow then decides exactly.
  const eighteenYearsAgo = addMonthsToDay(parisDayOf(now), -12 * AGE_OF_MAJORITY);
  const candidates = await findGuardedPatientsBornBetween(addDaysToDay(eighteenYearsAgo, 1), addDaysToDay(eighteenYearsAgo, HANDOVER_NOTICE_DAYS + 1));
  for (const patientId of candidates) {
    if (await handoverDone(patientId)) continue;
    const patient = await repo.read<Patient>("Patient", patientId).catch(() => undefined);
    const day = patient?.birthDate ? majorityDay(patient.birthDate) : undefined;
    if (!patient || !day || !inHandoverWindow(patient.birthDate, now)) continue;
    const guardians = (await repo.rules(patientId)).delegations.filter((d) => d.kind === "guardian" && delegationIsLive(d, now));
    if (guardians.length === 0) continue;

    const invitation = await activationFor(patient, now);
    const claimed = await repo.transaction(async ({ tx }) => {
      const q = inPrisma(tx);
      if (!(await claimHandover(q, patientId, day, invitation.activation))) return false;
      if (invitation.code) {
        await enqueueEmail(q, handoverActivationEmail(invitation.email, invitation.code, invitation.expiresAt, env().APP_URL, patientId));
      }
      await notify(q, { patientId, kind: "majority-approaching", dedupeKey: `majority:${patientId}`, email: "always" });
      for (const guardian of guardians) {
        await notify(q, { patientId: guardian.agentPatientId, kind: "majority-guardian", dedupeKey: `majority:${patientId}:${guardian.agentPatientId}`, email: "always" });
      }
      return true;
    });
    if (claimed) handedOver.push({ patientId, activation: invitation.activation, guardians: guardians.length });
  }
  return { checked: candidates.length, handedOver };
}

type Invitation = { activation: "email"; email: string; code: string; expiresAt: Date } | { activation: "letter" | "existing"; code?: undefined };

async function activationFor(patient: Patient, now: Date): Promise<Invitation> {
  const existing = await findAccountByFhirRef(`Patient/${patient.id}`);
  if (existing?.activatedOnce) return { activation: "existing" };
  const email = patient.telecom?.find((t) => t.system === "email" && t.value)?.value?.trim();
  if (!email) return { activation: "letter" };
  const result = await inviteAccount({ kind: "patient", resourceId: patient.id!, email, now, expiresAt: handoverActivationExpiry(patient.birthDate) });
  if (!result.ok) return { activation: result.reason === "already-active" ? "existing" : "letter" };
  return { activation: "email", email, code: result.code, expiresAt: result.expiresAt };
}
