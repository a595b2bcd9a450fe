import "@/server/server-only";
import type { RequestScope } from "../documents/request-scope";
import { FhirError } from "../fhir/errors";
import { getPrescription, type PrescriptionDetail } from "./get-prescription";

export type PrescriptionPageData = PrescriptionDetail & { now: Date };

/**
 * One prescription of the space, for its page: undefined (the page's « not found ») when the
 * actor may not read it or it does not exist. The time it was read at decides the share form's
 * bounds (a link ends by the prescription's validity).
 */
export async function prescriptionPageData({ repo }: RequestScope, id: string): Promise<PrescriptionPageData | undefined> {
  try {
    return { ...(await getPrescription(repo, id)), now: repo.now() };
  } catch (error) {
    if (error instanceof FhirError && (error.status === 404 || error.status === 403)) return undefined;
    throw error;
  }
}
