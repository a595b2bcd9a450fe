import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import type { SeedClock } from "./catalogue/plan";
import { allergies, conditions, immunizations, observations } from "./catalogue/record-plans";

/** Vaccinations, conditions, allergies and measurements of the personas. */
export async function seedRecord(repo: Repository, clock: SeedClock): Promise<number> {
  const resources: Resource[] = [...conditions(), ...allergies(), ...immunizations(), ...observations(clock)];
  for (const resource of resources) await repo.create(resource);
  return resources.length;
}
