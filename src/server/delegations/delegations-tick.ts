import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import type { Delegation } from "../access/rules";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { claimActivationNotice, invitationsAwaitingActivationNotice } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { endingNoticeKey, findDelegationsEndingBetween } from "../fhir/ending-delegations";
import { systemRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { cancelLines } from "./delegation-emails";
import { ENDING_NOTICE_DAYS } from "./invitation-state";
import { hashSecret, newSecret } from "./invitation-secret";

/**
 * The periodic work of delegations, run after each purge (purge-schedule.ts) or by
 * `npm run delegations:tick`: tell the patient when a delegation's pause is over (with a last
 * one-click cancel), and tell both, thirty days before the end, that it ends soon (every
 * caregiver's delegation with an end date, whether or not it came from an invitation; the
 * patient's notice links to the page where they renew it). Idempotent: each notice is claimed
 * by a guarded UPDATE or a dedupe key, so two runs (or two processes, or a restart) never send
 * an e-mail twice.
 */
export type TickResult = { activated: number; ending: number };

export async function delegationsTick(): Promise<TickResult> {
  const system = await systemRepository("delegations-tick");
  const now = system.now();
  const appUrl = env().APP_URL;
  let activated = 0;
  let ending = 0;
  for (const invitation of await invitationsAwaitingActivationNotice()) {
    const person = await system.read<RelatedPerson>("RelatedPerson", invitation.relatedPersonId ?? "").catch(() => undefined);
    const delegation = person ? await decidedTie(system, invitation.patientId, person.id) : undefined;
    if (!delegation || !delegationIsLive(delegation, now)) continue;
    const cancelSecret = newSecret();
    await system.transaction(async ({ tx }) => {
      const db = inPrisma(tx);
      if (!(await claimActivationNotice(db, invitation.id, now, hashSecret(cancelSecret)))) return;
      await notify(db, { patientId: invitation.patientId, kind: "delegation-active", dedupeKey: `delegation-active:${invitation.id}`, emailLines: cancelLines(appUrl, cancelSecret) });
      activated += 1;
    });
  }
  const soon = new Date(now.getTime() + ENDING_NOTICE_DAYS * 24 * 3600 * 1000);
  // Paris days with a day's margin at each end; the rules then decide to the instant.
  const candidates = await findDelegationsEndingBetween(addDaysToDay(parisDayOf(now), -1), addDaysToDay(parisDayOf(soon), 1));
  for (const candidate of candidates) {
    const person = await system.read<RelatedPerson>("RelatedPerson", candidate.relatedPersonId).catch(() => undefined);
    const delegation = person ? await decidedTie(system, candidate.patientId, person.id) : undefined;
    const periodEnd = person?.period?.end;
    if (!delegation || delegation.kind !== "delegate" || !periodEnd || !delegation.end || !delegationIsLive(delegation, now) || delegation.end > soon) continue;
    const key = endingNoticeKey(delegation.relatedPersonId, periodEnd);
    await system.transaction(async ({ tx }) => {
      const db = inPrisma(tx);
      const toPatient = await notify(db, { patientId: candidate.patientId, kind: "delegation-ending", link: `/espace/proches/${delegation.relatedPersonId}`, dedupeKey: `${key}:patient` });
      const toAgent = await notify(db, { patientId: delegation.agentPatientId, kind: "delegation-ending", link: "/espace/proches", dedupeKey: `${key}:agent` });
      if (toPatient || toAgent) ending += 1;
    });
  }
  return { activated, ending };
}

/**
 * The delegation as the patient's rules decide it, every tie of her space read together: a caregiver
 * her representative chose ends with his measure (access/measure-choices.ts), which a read of his
 * tie alone does not know, and was told « active » or « bientôt terminée » after the mainlevée.
 */
async function decidedTie(system: Repository, patientId: string, relatedPersonId: string | undefined): Promise<Delegation | undefined> {
  return (await system.rules(patientId)).delegations.find((tie) => tie.relatedPersonId === relatedPersonId);
}
