import { readFileSync } from "node:fs";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { createAccount } from "@/server/db/account-store";
import type { Repository } from "@/server/fhir/repository";
import { grantProtectionMeasure } from "@/server/guardianship/grant-protection-measure";

/**
 * Part of scripts/e2e-invitations.ts: the two people of tests/e2e/protection-measure.spec.ts,
 * whom no other spec uses. Solange, an adult with her account and a document; Bruno, with his,
 * named her representative by a judge's measure recorded through grantProtectionMeasure, the
 * function behind `npm run guardianship:grant`, as the assistance runs it. Both accounts are
 * activated with the password the new patients choose (tests/e2e/helpers/new-patients.ts) and
 * the fixture's TOTP secret, so the spec signs in as a person does.
 */
export type MeasurePerson = { id: string; given: string; family: string; gender: "female" | "male"; birthDate: string; email: string; totpSecret: string };
/** `lastDayIn`: the measure's last day, that many days from today (Paris), as the judge set it. */
export type MeasureFixture = { adult: MeasurePerson; representative: MeasurePerson; decision: string; document: string; lastDayIn: number };

export const MEASURE_FIXTURE = "tests/e2e/fixtures/protection-measure.json";

export async function recordProtectionMeasure(repo: Repository, password: string): Promise<void> {
  const fixture = JSON.parse(readFileSync(MEASURE_FIXTURE, "utf8")) as MeasureFixture;
  for (const p of [fixture.adult, fixture.representative]) {
    await repo.create(aPatient({ id: p.id, given: p.given, family: p.family, gender: p.gender, birthDate: p.birthDate }));
    await createAccount({ email: p.email, password, totpSecret: p.totpSecret, kind: "patient", fhirRef: `Patient/${p.id}`, displayName: `${p.given} ${p.family}` });
  }
  await repo.create(aDocument({ patientId: fixture.adult.id, kind: "lab", title: fixture.document }));
  const now = new Date();
  const granted = await grantProtectionMeasure({
    adultEmail: fixture.adult.email,
    representativeEmail: fixture.representative.email,
    endDay: addDaysToDay(parisDayOf(now), fixture.lastDayIn),
    decision: fixture.decision,
    now,
  });
  if (!granted.ok) throw new Error(`Mesure de protection refusée : ${granted.reason}`);
}
