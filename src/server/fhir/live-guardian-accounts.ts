import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources } from "../access/rules";
import type { Queryable } from "../db/queryable";

/** A guardian's account to e-mail, with her own choices of what she receives by e-mail. */
export type GuardianRecipient = { accountId: string; email: string; accountKind: "patient" | "practitioner"; wants: Record<string, boolean> };

/**
 * The live guardians with an account of each of these patients, as the patient's rules say it (a
 * guardianship ends by itself at the child's majority, rules.ts, parsed here by the same
 * rulesFromResources), read in one statement for every patient of a batch: whom a notice of a
 * space without an account of its own (a child's) is e-mailed to (notify.ts, notify-many.ts).
 * Before, such a notice was e-mailed to no one, even an emergency access to the child's record
 * (found by an exploratory test). A caregiver under delegation is not among them: the person she
 * helps is told.
 *
 * Access metadata read by the notifications' writer without a decision, as ending-delegations.ts
 * is read by its job (hence `unsafe`): the delegations and a birth date, to address an e-mail that
 * says nothing of the record; nothing of it reaches a page.
 */
export async function unsafeLiveGuardianAccounts(db: Queryable, patientIds: readonly string[], now: Date): Promise<Map<string, GuardianRecipient[]>> {
  const wanted = [...new Set(patientIds)];
  const found = new Map<string, GuardianRecipient[]>();
  if (wanted.length === 0) return found;
  const rows = await db.query<{
    patient_id: string;
    related_person: RelatedPerson | string;
    birth_date: string | null;
    account_id: string;
    email: string;
    account_kind: "patient" | "practitioner";
    wants: Record<string, boolean> | string | null;
  }>(
    `SELECT rp.patient_id::text AS patient_id, rp.content AS related_person, child.content->>'birthDate' AS birth_date,
            a.id::text AS account_id, a.email, a.kind AS account_kind,
            (SELECT jsonb_object_agg(p.kind, p.email) FROM notification_preference p WHERE p.account_id = a.id) AS wants
       FROM fhir_resource rp
       JOIN fhir_resource child ON child.id = rp.patient_id AND child.resource_type = 'Patient' AND NOT child.deleted
       JOIN account a ON a.fhir_ref = rp.actor_ref AND NOT a.disabled AND a.kind = 'patient'
      WHERE rp.resource_type = 'RelatedPerson' AND NOT rp.deleted AND rp.patient_id = ANY($1::uuid[])`,
    [wanted],
  );
  for (const row of rows) {
    const person = typeof row.related_person === "string" ? (JSON.parse(row.related_person) as RelatedPerson) : row.related_person;
    const [delegation] = rulesFromResources(row.patient_id, [], [person], { birthDate: row.birth_date ?? undefined }).delegations;
    if (!delegation || delegation.kind !== "guardian" || !delegationIsLive(delegation, now)) continue;
    const wants = typeof row.wants === "string" ? (JSON.parse(row.wants) as Record<string, boolean>) : (row.wants ?? {});
    const list = found.get(row.patient_id) ?? [];
    if (!list.some((r) => r.accountId === row.account_id)) list.push({ accountId: row.account_id, email: row.email, accountKind: row.account_kind, wants });
    found.set(row.patient_id, list);
  }
  return found;
}
