import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources } from "../access/rules";
import { inPrisma } from "../db/queryable";
import { endingNoticeKey, findDelegationsEndingBetween } from "../fhir/ending-delegations";
import { systemRepository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { tellRepresentative } from "./tell-representative";

/**
 * How long before a protection measure's last day the adult and her representative are told.
 * Without renewal the measure ends at its term (Code civil art. 443 al. 1, « La mesure prend fin,
 * en l'absence de renouvellement, à l'expiration du délai fixé »), and only the judge renews it
 * (art. 442), who rules « au vu d'un certificat médical » after hearing the person: a request with
 * its certificate has to be made, and decided, before that day. Three months (92 days, the longest
 * three) leave time for that; the thirty days of a caregiver's notice (ENDING_NOTICE_DAYS) would
 * leave none. Court delays vary: a choice, not a figure from the law.
 */
export const MEASURE_NOTICE_DAYS = 92;

/**
 * The daily job (jobs/daily-jobs.ts) that tells the protected adult and her representative that
 * the measure's last day is near: one notice each in the portal and its e-mail, which says only
 * that there is a notice (notification kinds are fixed sentences: no name, decision or health
 * data). The delegations tick's machinery (fhir/ending-delegations.ts), over measures: candidates
 * by SQL, each read through the audited system repository and decided by the rules (live, its end
 * within the lead time), keyed by the measure and its last day, so a rerun sends nothing twice and
 * a renewal (a new last day) is announced in its turn. A measure ended early is not announced.
 */
export async function runMeasuresEndingTick(now: Date): Promise<{ told: number }> {
  const system = await systemRepository("protection-measures-ending");
  const soon = new Date(now.getTime() + MEASURE_NOTICE_DAYS * 24 * 3600 * 1000);
  // Paris days with a day's margin at each end; the rules then decide to the instant.
  const candidates = await findDelegationsEndingBetween(addDaysToDay(parisDayOf(now), -1), addDaysToDay(parisDayOf(soon), 1), 500, "measures");
  let told = 0;
  for (const candidate of candidates) {
    const person = await system.read<RelatedPerson>("RelatedPerson", candidate.relatedPersonId).catch(() => undefined);
    const measure = person ? rulesFromResources(candidate.patientId, [], [person]).delegations[0] : undefined;
    const periodEnd = person?.period?.end;
    if (!measure?.measure || !periodEnd || !measure.end || !delegationIsLive(measure, now) || measure.end > soon) continue;
    const key = endingNoticeKey(measure.relatedPersonId, periodEnd, "measures");
    await system.transaction(async ({ tx }) => {
      const db = inPrisma(tx);
      const toAdult = await notify(db, { patientId: candidate.patientId, kind: "protection-measure-ending", dedupeKey: `${key}:patient`, email: "always" });
      const toRepresentative = await tellRepresentative(db, measure.agentPatientId, "protection-measure-ending", `${key}:agent`);
      if (toAdult || toRepresentative) told += 1;
    });
  }
  return { told };
}
