import type { Actor } from "@/server/access/actor";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { validateForWrite } from "@/server/fhir/validate";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition, anObservation } from "@/lib/fhir/builders/record";

/**
 * Real audit rows for a few patients, written through the Repository as each patient: a read of
 * their own record, searches, creates, and one refused read of someone else's record (a denial
 * row in that other patient's chain). Fresh patients each call, so a test tampers only with rows
 * of its own.
 */
export type Trail = { patientIds: string[]; actors: Actor[] };

export async function writeTrail(patients = 3, family = "Chaîne"): Promise<Trail> {
  // The validator's index, built outside any write's transaction (it is slow on a loaded machine).
  validateForWrite(aPatient());
  const system = await systemRepository("audit-chain-tests");
  const patientIds: string[] = [];
  for (let i = 0; i < patients; i++) {
    patientIds.push((await system.create(aPatient({ given: `Personne${i}`, family }))).id!);
  }
  const actors: Actor[] = patientIds.map((patientId) => ({ kind: "patient", accountId: newId(), patientId }));
  for (const [i, actor] of actors.entries()) {
    const patientId = patientIds[i]!;
    const repo = await createRepository(actor, { address: "203.0.113.7", userAgent: "vitest", agentName: `Personne${i} ${family}` });
    await repo.read("Patient", patientId);
    await repo.create(aCondition({ patientId }));
    await repo.create(anObservation({ patientId, value: 6 + i }));
    await repo.search("Condition", { patientId });
    await repo.search("Observation", { patientId, count: 5 });
    const other = patientIds[(i + 1) % patientIds.length]!;
    if (other !== patientId) await repo.read("Patient", other).catch(() => undefined);
    await repo.read("Patient", patientId);
  }
  return { patientIds, actors };
}
