import "@/server/server-only";
import { parisDayOf } from "@/lib/dates/paris-day";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { notify } from "../notifications/notify";

/**
 * A sharing choice made for the patient by someone acting for her (a caregiver given « gérer le
 * partage », a guardian): who may see her record has changed without her, so she is told, in the
 * portal and by e-mail whatever her preferences (a security kind), in the transaction of the
 * change: never without it. The sentence names no one; the history of her choices, where it
 * leads, says who did what (choice-history.ts).
 *
 * Here, beside the write, rather than in the sharing pages' routes: a caregiver with that right
 * may change the same Consents through the FHIR API too. One notice per person acting and Paris
 * day, so ten changes in a row make one e-mail. Only to a person with an account of her own: a
 * child's space has none, and its notices are read by its guardians, the one who acted included,
 * whom « une personne qui agit pour vous » would not describe.
 */
export async function tellPatientOfChoiceMadeForHer(q: Queryable, actor: Actor, patientId: string | null, now: Date): Promise<void> {
  if ((actor.kind !== "delegate" && actor.kind !== "guardian") || actor.patientId !== patientId) return;
  const owner = await q.query("SELECT 1 FROM account WHERE fhir_ref = $1 AND NOT disabled LIMIT 1", [`Patient/${patientId}`]);
  if (owner.length === 0) return;
  await notify(q, {
    patientId,
    kind: "sharing-changed-for-you",
    dedupeKey: `sharing-changed-for-you:${patientId}:${actor.relatedPersonId}:${parisDayOf(now)}`,
  });
}
