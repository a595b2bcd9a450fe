import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { FhirError } from "../fhir/errors";
import { isUuid } from "../fhir/ids";
import { answerAfter } from "../http/answer-after-commit";
import { viewSharedPrescription, type SharedPrescriptionView } from "../prescriptions/view-shared-prescription";
import { endedByDispensation } from "./link-ended-dispensed";
import { linkStillOpens } from "./link-still-opens";
import { hasLiveSession, pharmacistScope } from "./pharmacist-request";

/** The passcode form (no session of this link yet), or the prescription (a live session). */
export type PharmacistPageData =
  | { kind: "open"; linkId: string; passcode: boolean }
  | { kind: "view"; linkId: string; view: SharedPrescriptionView }
  | { kind: "completed"; linkId: string };

/**
 * The pharmacist's page (no account). Without a session of this link: the passcode form, if the
 * link can still open. With one: the prescription, read through the repository as the link.
 * Undefined, the page's « no longer available », for a link that never existed and for one that
 * died (revoked, expired, locked, fully dispensed), alike, but for the session of a link that a
 * dispensation completed: « fully dispensed », as after the post that completed it.
 */
export async function pharmacistPageData(linkId: string, headers: Headers, req: IncomingMessage, now = new Date()): Promise<PharmacistPageData | undefined> {
  if (!isUuid(linkId)) return undefined;
  const id = linkId.toLowerCase();
  const scope = await pharmacistScope(id, headers, now);
  if (!scope) {
    // A live session whose link no longer opens: the link died under the pharmacist. Ended by
    // the dispensation that completed it (the back button after it), he is told so rather than
    // sent to ask the patient for a new link (link-ended-dispensed.ts).
    if (hasLiveSession(id, headers, now)) return (await endedByDispensation(id, headers, now)) ? { kind: "completed", linkId: id } : undefined;
    // No session: the passcode form, only while the link can still open.
    const opening = await linkStillOpens(id, now);
    return opening ? { kind: "open", linkId: id, passcode: opening.passcode } : undefined;
  }
  // The view's audit rows (the Patient read, the lines', the dispensations', the directory's)
  // in one INSERT, committed before anything is shown, as framed-page.ts does for the spaces'
  // pages: they were five commits one after the other (issue 16: the page was slower than the
  // documents page in every round of a pages bench). A refusal's row is kept (finally). Where the
  // server holds the answer, the page is rendered while they are committed (answer-after-commit.ts).
  scope.repo.holdAudit();
  try {
    return { kind: "view", linkId: id, view: await viewSharedPrescription(scope.repo) };
  } catch (error) {
    if (error instanceof FhirError && error.status === 404) return undefined;
    throw error;
  } finally {
    await answerAfter(req, scope.repo.flushAudit());
  }
}
