import type { Bundle, Patient, Resource } from "@medplum/fhirtypes";
import { FactsError } from "./extract-facts";

/**
 * The person and their resources from a FHIR R4 Bundle (the command's input): exactly one
 * Patient, and the rest as they come. Anything else is refused with a message saying what.
 */
export function readBundle(json: unknown): { patient: Patient; resources: Resource[] } {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new FactsError("L'entrée n'est pas un objet JSON FHIR.");
  const bundle = json as Partial<Bundle>;
  if (bundle.resourceType !== "Bundle") {
    throw new FactsError(`L'entrée n'est pas un Bundle FHIR (resourceType « ${String(bundle.resourceType ?? "absent")} »).`);
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw new FactsError("Bundle.entry doit être une liste.");
  const resources: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = (entry as { resource?: unknown } | null)?.resource;
    if (typeof resource !== "object" || resource === null || typeof (resource as { resourceType?: unknown }).resourceType !== "string") continue;
    resources.push(resource as Resource);
  }
  const patients = resources.filter((r): r is Patient => r.resourceType === "Patient");
  if (patients.length === 0) throw new FactsError("Le Bundle ne contient aucun Patient.");
  if (patients.length > 1) throw new FactsError(`Le Bundle contient ${patients.length} Patient ; il en faut un seul.`);
  return { patient: patients[0] as Patient, resources };
}
