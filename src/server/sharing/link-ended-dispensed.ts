import "@/server/server-only";
import { isUuid } from "../fhir/ids";
import { dispenseGuardKey, dispenseGuardTaken, findShareLink } from "../fhir/share-links";
import { linkState } from "./link-state";
import { hasLiveSession } from "./pharmacist-request";

/**
 * Whether a pharmacist's request comes after the dispensation that completed the prescription,
 * from within the link's session. A second post of the form that completed it (a double click,
 * the back button and « resend ») found the link dead and was told « no longer available, ask the
 * patient for a new link »: the pharmacist asked for a link he did not need and was not told his
 * delivery was recorded. Only the holder of a live session of this very link (the sealed cookie
 * the right passcode gave) learns it, which the completed page had told him already; a link that
 * never existed, was revoked, or closed otherwise (its lines completed or cancelled by the
 * prescriber: no mark), and any request without the session, keep « no longer available ».
 *
 * Reads the link's row (its mark, set once by markLinksDispensed) and, for a form, whether its
 * key was claimed: nothing of the prescription, and nothing is written.
 */
export type EndedByDispensation = "this-form" | "other-form" | "page";

export async function endedByDispensation(linkId: string, headers: Headers, now: Date, formKey?: string): Promise<EndedByDispensation | undefined> {
  if (!isUuid(linkId)) return undefined;
  const id = linkId.toLowerCase();
  if (!hasLiveSession(id, headers, now)) return undefined;
  const link = await findShareLink(id);
  if (!link || link.dispensedAt === null || linkState(link, link.prescriptionOpen, now) !== "dispensed") return undefined;
  if (formKey === undefined) return "page";
  // The form's own key claimed: this form's delivery is recorded. Another form (drawn before a
  // colleague completed it, or after the back button) recorded nothing: it must not say it did.
  return isUuid(formKey) && (await dispenseGuardTaken(dispenseGuardKey(id, formKey))) ? "this-form" : "other-form";
}
