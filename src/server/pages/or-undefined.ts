import "@/server/server-only";
import { FhirError } from "../fhir/errors";

/**
 * For a page's loader: what the repository refused (403) or did not find (404) is undefined, the
 * page's « not found », the same for what exists but may not be seen as for what never existed.
 * Any other error goes on (the read limit's 429 among them: framedPage answers it).
 */
export async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  }
}
