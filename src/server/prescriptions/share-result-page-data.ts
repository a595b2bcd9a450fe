import "@/server/server-only";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { isUuid } from "../fhir/ids";
import { orUndefined } from "../pages/or-undefined";
import { qrSvgDataUrl } from "../sharing/link-qr";
import { cookieFrom, openShareResult, shareResultCookie, type ShareResult } from "../sharing/share-result-cookie";
import { getPrescription } from "./get-prescription";

/** « Lien créé »: the prescription it was made for, and the link (with its QR code) while its cookie lasts, or null after. */
export type ShareResultPageData = { prescriptionId: string; shown: { result: ShareResult; qrCode: string } | null };

/**
 * The link just created for a prescription of the space: its URL, passcode and end date come from
 * the sealed cookie the share form's handler set for this session and this page
 * (share-result-cookie.ts, ten minutes; `cookieHeader`: the request's Cookie header), the QR code
 * is drawn here. The prescription is read first, through the repository, as its own page reads
 * it: one the actor may not see, or a malformed id, is undefined (the page's « not found »), and
 * its cookie is not even opened.
 */
export async function shareResultPageData({ repo, session }: RequestScope, prescriptionId: string, cookieHeader: string | undefined): Promise<ShareResultPageData | undefined> {
  if (!isUuid(prescriptionId)) return undefined;
  const detail = await orUndefined(getPrescription(repo, prescriptionId));
  if (!detail) return undefined;
  const id = detail.prescription.id;
  const sealed = cookieFrom(cookieHeader ?? null, shareResultCookie(id, env().APP_ENV === "production").name);
  const result = openShareResult(sealed, session.sessionId, id);
  return { prescriptionId: id, shown: result ? { result, qrCode: await qrSvgDataUrl(result.url) } : null };
}
