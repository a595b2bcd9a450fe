import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources } from "../access/rules";
import type { Queryable } from "../db/queryable";

/**
 * The accounts of the caregivers (delegations, not guardianships) who wrote in this conversation
 * of the patient's for her, and still act for her now, as her rules say it (rulesFromResources,
 * the same parsing as every decision: an end date, a withdrawal, a delegation chosen in a child's
 * space that ended at the majority). Whom a professional's answer is also told to
 * (messages/create-message.ts): the patient is, but the caregiver who wrote is often the one who
 * waits for it (a daughter writing for her father, who seldom opens the portal).
 *
 * Guardians are not among them: a child's notices already reach his live guardians, in his space
 * and by e-mail (notify.ts). Access metadata read by the notifications' writer without a decision,
 * as live-guardian-accounts.ts (hence `unsafe`): who wrote, and the ties, to address a notice
 * that says nothing of the record; nothing of it reaches a page.
 */
export async function unsafeCaregiversWhoWrote(db: Queryable, patientId: string, conversationId: string, now: Date): Promise<string[]> {
  const rows = await db.query<{ related_person: RelatedPerson | string; birth_date: string | null; account_id: string }>(
    `SELECT DISTINCT ON (rp.id) rp.content AS related_person, p.content->>'birthDate' AS birth_date, a.id::text AS account_id
       FROM fhir_resource m
       JOIN fhir_resource rp ON rp.resource_type = 'RelatedPerson' AND NOT rp.deleted AND rp.patient_id = m.patient_id
                            AND m.author = 'RelatedPerson/' || rp.id::text
       JOIN fhir_resource p ON p.id = m.patient_id AND p.resource_type = 'Patient' AND NOT p.deleted
       JOIN account a ON a.fhir_ref = rp.actor_ref AND NOT a.disabled AND a.kind = 'patient'
      WHERE m.patient_id = $1::uuid AND m.group_id = $2 AND m.resource_type = 'Communication' AND NOT m.deleted
        AND m.author LIKE 'RelatedPerson/%'`,
    [patientId, conversationId],
  );
  const accounts = new Set<string>();
  for (const row of rows) {
    const person = typeof row.related_person === "string" ? (JSON.parse(row.related_person) as RelatedPerson) : row.related_person;
    const [tie] = rulesFromResources(patientId, [], [person], { birthDate: row.birth_date ?? undefined }).delegations;
    if (tie?.kind === "delegate" && delegationIsLive(tie, now)) accounts.add(row.account_id);
  }
  return [...accounts];
}
