import "@/server/server-only";
import { findShareLink } from "../fhir/share-links";
import { linkState } from "./link-state";

/**
 * Whether a link can still be opened, read when its page is opened without a session: a link
 * revoked, expired, out of tries or fully dispensed answers « no longer available » at once,
 * rather than a passcode form whose post would be refused. It reads the link's row only (nothing
 * of the prescription: the key stays in the fragment, the page knows only the link's id), counts
 * no try and writes nothing, so a mail scanner or a reload changes nothing. A link that never
 * existed is answered alike. The opening (open-link.ts) still decides on its own, with its
 * atomic try counter.
 *
 * What it answers for a live link is whether a passcode protects it: a link sent without one
 * must not ask the pharmacist for a code the patient never had to give.
 */
export async function linkStillOpens(linkId: string, now: Date): Promise<{ passcode: boolean } | undefined> {
  const link = await findShareLink(linkId);
  if (link === undefined || linkState(link, link.prescriptionOpen, now) !== "active") return undefined;
  return { passcode: link.passcodeHash !== null };
}
