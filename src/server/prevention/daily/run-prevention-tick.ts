import "@/server/server-only";
import type { SystemActor } from "../../access/actor";
import { auditRow, insertAuditRows, type AuditRow } from "../../audit/write-audit";
import type { Queryable } from "../../db/queryable";
import type { NotificationInput } from "../../notifications/notify";
import { notifyMany } from "../../notifications/notify-many";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import { itemCardPath } from "@/lib/prevention/item-anchor";
import type { Resource } from "@medplum/fhirtypes";
import { completedYears, isDay, todayInParis } from "../days";
import { CURRENT_CALENDAR } from "../evaluate-patient";
import { extractFacts, FactsError } from "../extract-facts";
import { cycleKey, newDueItems } from "../new-due-items";
import { preferencesFromConsents } from "../preferences";
import { recommend } from "../recommend";
import { unsafeLoadPreventionBatch } from "./unsafe-load-batch";

export const PREVENTION_JOB: SystemActor = { kind: "system", purpose: "prevention-daily" };

export type TickResult = { evaluated: number; notified: number; skipped: number };

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/**
 * The daily prevention job (issue 14): evaluates everyone on the calendar in force, and each item
 * that became due or overdue becomes one notification "prevention-due" (e-mailed by preference,
 * without a word of health), once per item and cycle: the dedupe key is the person, the item and
 * its due day, so a second run the same day, or the next day, notifies nothing new, and the next
 * cycle (a new campaign, the next booster) notifies again. Nothing for someone who said "Ne plus
 * me le rappeler" for the theme or for all. Each person evaluated leaves one audit row in their
 * trail (the system read their vaccinations, conditions and screenings).
 *
 * By batches of `batchSize` people: two reads per batch, then the batch's notifications written
 * together (notifyMany(): two statements for all, where notify() in a loop took three round trips
 * per notice). A crash between two batches loses nothing, the next run notifies what is missing
 * under the same keys; one between a batch's notices and their e-mails (its two statements, as
 * between notify()'s before) leaves those notices in the portal without their e-mail.
 */
export async function runPreventionTick(db: Queryable, now: Date, batchSize = 500): Promise<TickResult> {
  const today = todayInParis(now);
  const result: TickResult = { evaluated: 0, notified: 0, skipped: 0 };
  let after = FIRST_ID;
  for (;;) {
    const batch = await unsafeLoadPreventionBatch(db, after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.patient.id!;
    const audit: AuditRow[] = [];
    const notices: NotificationInput[] = [];
    for (const person of batch) {
      const patientId = person.patient.id!;
      let items;
      try {
        items = recommend(extractFacts(person.patient, noticeable(person.patient.birthDate, person.resources, today)), CURRENT_CALENDAR, today);
      } catch (error) {
        if (!(error instanceof FactsError)) throw error;
        result.skipped++; // no full birth date: nothing can be computed, nothing is read further
        continue;
      }
      result.evaluated++;
      audit.push(auditRow(PREVENTION_JOB, { agentName: "Calendrier de prévention" }, { patientId, entity: "Immunization", interaction: "search", outcome: "success", detail: { job: "prevention-daily" } }, now));
      const preferences = preferencesFromConsents(person.consents);
      for (const item of newDueItems(items, new Set(), preferences)) {
        // To the item's card: five notices of the same words all opened the top of the page (found by the walk).
        notices.push({ patientId, kind: "prevention-due", link: itemCardPath(item.item), dedupeKey: `prevention:${patientId}:${cycleKey(item)}` });
      }
    }
    result.notified += (await notifyMany(db, notices)).filter(Boolean).length;
    if (audit.length) await insertAuditRows(db, audit);
  }
  return result;
}

const keptSecret = (resource: Resource) => (resource.meta?.security ?? []).some((label) => label.system === SYSTEMS.privacyLabel && label.code === MINOR_SECRET);

/**
 * What a minor's notices may be worked out from: not what she keeps secret from her parents. A
 * notice lands in her space, where her guardians read it (and are e-mailed it), so one worked out
 * from a secret pregnancy (flu and COVID-19 « à faire ») told them of something their own view
 * of her calendar does not show. Her own page still shows those items to her.
 */
function noticeable(birthDate: string | undefined, resources: Resource[], today: string): Resource[] {
  if (!birthDate || !isDay(birthDate) || completedYears(birthDate, today) >= 18) return resources;
  return resources.filter((resource) => !keptSecret(resource));
}
