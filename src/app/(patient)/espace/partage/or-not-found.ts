import { notFound } from "next/navigation";
import { FhirError } from "@/server/fhir/errors";

/**
 * A sharing page for someone who may not manage this space's sharing (a caregiver without the
 * right) answers like a page that does not exist, as the API would.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) notFound();
    throw error;
  }
}
