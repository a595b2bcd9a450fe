import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { unprocessable } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { todayInParis, type Day } from "./days";
import { addedDoseSecretLabels } from "./pregnancy-secret";
import { checkDay, declaredImmunization } from "./record-done";
import { VACCINE_PRODUCTS } from "./vaccine-products";

/**
 * Adds a vaccination to the record (carnet), from the list of vaccines sold in France, as declared
 * by the person. A pertussis dose she dates within a pregnancy she keeps from her parents is kept
 * from them too (pregnancy-secret.ts), as the pregnancy item's « C'est fait » keeps it.
 */
export async function addVaccination(repo: Repository, patientId: string, productId: string, day: Day, lot: string | undefined): Promise<void> {
  const product = VACCINE_PRODUCTS.find((p) => p.id === productId);
  if (!product) throw unprocessable("Vaccin inconnu.");
  const patient = await repo.read<Patient>("Patient", patientId);
  checkDay(patient, day, repo.now());
  const labels = await addedDoseSecretLabels(repo, patient, product.kind, day, todayInParis(repo.now()));
  await repo.create(declaredImmunization(patientId, product, day, lot, labels));
}
