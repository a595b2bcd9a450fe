import { env } from "@/server/env";
import { publicUrlOf } from "@/server/http/public-url";
import { seeOther } from "@/server/http/see-other";
import { prescriptionPost } from "@/server/prescriptions/prescription-post";
import { sealShareResult, setCookieHeader, shareResultCookie, shareResultPath } from "@/server/sharing/share-result-cookie";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { shareSchema } from "./schema";

/**
 * POST (code=oui, fin=AAAA-MM-JJ): "send to a pharmacy". Creates the link, then shows it on the
 * result page through a sealed, short-lived cookie: the link's key is never put in a URL, so it
 * reaches no request line, log or Referer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return prescriptionPost(request, id, async ({ repo, session }, form) => {
    const parsed = shareSchema.safeParse(Object.fromEntries(form.entries()));
    if (!parsed.success) return { notice: "date" };
    const end = parsed.data.fin;
    if (end && end.getTime() <= repo.now().getTime()) return { notice: "date" };
    const shared = await sharePrescription(repo, { prescriptionId: id, withPasscode: parsed.data.code === "oui", until: end }, publicUrlOf(request.headers));
    const production = env().APP_ENV === "production";
    const cookie = shareResultCookie(id, production);
    const sealed = sealShareResult({ linkId: shared.linkId, url: shared.url, passcode: shared.passcode, expiresAt: shared.expiresAt.toISOString() }, session.sessionId, id);
    const response = seeOther(shareResultPath(id));
    response.headers.append("Set-Cookie", setCookieHeader(cookie.name, sealed, cookie.options));
    return { response };
  });
}
