import "@/server/server-only";
import type { RequestScope } from "../documents/request-scope";
import { orUndefined } from "../pages/or-undefined";
import { getPrescription, type PrescriptionDetail } from "./get-prescription";

export type PrescriptionPageData = PrescriptionDetail & { now: Date };

/**
 * One prescription of the space, for its page: undefined (the page's « not found ») when the
 * actor may not read it or it does not exist. The time it was read at decides the share form's
 * bounds (a link ends by the prescription's validity).
 */
export async function prescriptionPageData({ repo }: RequestScope, id: string): Promise<PrescriptionPageData | undefined> {
  const detail = await orUndefined(getPrescription(repo, id));
  return detail ? { ...detail, now: repo.now() } : undefined;
}
