import "@/server/server-only";
import { parisDayOf } from "@/lib/dates/paris-day";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify } from "./notify";

/**
 * Something done in the patient's record by someone acting for her (a caregiver, a guardian) that
 * she must hear of even though she did not do it: a change of who sees her record, a copy of it
 * taken. Told in the portal and by e-mail whatever her preferences (the kinds are security
 * kinds), naming no one: where the notice leads (her history) says who did what.
 *
 * One notice per kind, person acting and Paris day, so ten changes in a row make one e-mail.
 * Only to a person with an account of her own: a child's space has none, and its notices are
 * read by its guardians, the one who acted included, whom « une personne qui agit pour vous »
 * would not describe.
 */
export async function tellPatientOfActForHer(
  q: Queryable,
  actor: Actor,
  patientId: string | null,
  kind: Extract<NotificationKind, "sharing-changed-for-you" | "record-copied-for-you">,
  now: Date,
): Promise<void> {
  if ((actor.kind !== "delegate" && actor.kind !== "guardian") || actor.patientId !== patientId) return;
  const owner = await q.query("SELECT 1 FROM account WHERE fhir_ref = $1 AND NOT disabled LIMIT 1", [`Patient/${patientId}`]);
  if (owner.length === 0) return;
  await notify(q, { patientId, kind, dedupeKey: `${kind}:${patientId}:${actor.relatedPersonId}:${parisDayOf(now)}` });
}
