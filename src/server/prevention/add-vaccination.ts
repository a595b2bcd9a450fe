import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { unprocessable } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import type { Day } from "./days";
import { checkDay, declaredImmunization } from "./record-done";
import { VACCINE_PRODUCTS } from "./vaccine-products";

/** Adds a vaccination to the record (carnet), from the list of vaccines sold in France, as declared by the person. */
export async function addVaccination(repo: Repository, patientId: string, productId: string, day: Day, lot: string | undefined): Promise<void> {
  const product = VACCINE_PRODUCTS.find((p) => p.id === productId);
  if (!product) throw unprocessable("Vaccin inconnu.");
  const patient = await repo.read<Patient>("Patient", patientId);
  checkDay(patient, day, repo.now());
  await repo.create(declaredImmunization(patientId, product, day, lot));
}
