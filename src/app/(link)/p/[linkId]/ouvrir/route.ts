import { env } from "@/server/env";
import { isUuid } from "@/server/fhir/repository";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { notFoundResponse } from "@/server/http/form-post";
import { openLink } from "@/server/sharing/open-link";
import { cleanPharmacyName } from "@/server/sharing/pharmacy-name";
import { linkPath, pharmacistCookie, requestOrigin } from "@/server/sharing/pharmacist-request";
import { setCookieHeader } from "@/server/sharing/share-result-cookie";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * POST (cle, code, pharmacie): the pharmacist opens a link. The key comes from the URL's
 * fragment, copied into the form's body by the page's script: it is never in a request line.
 * A right passcode opens a 30-minute session (a cookie scoped to this link); a wrong one goes
 * back to the form with the tries left, or, once none is left, to "no longer available", as a
 * dead, unknown or mistyped link does. Nothing in a redirect comes from the request but the
 * link id, checked as a UUID.
 */
export async function POST(request: Request, { params }: { params: Promise<{ linkId: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const { linkId } = await params;
  if (!isUuid(linkId)) return notFoundResponse();
  const form = (await readPlainForm(request)) ?? new FormData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // No key: the page's script did not run (or the address was cut); say so rather than "gone".
  const secret = field("cle").trim();
  if (!secret) return seeOther(linkPath(linkId, "?erreur=cle"));
  const pharmacy = cleanPharmacyName(field("pharmacie"));
  // Each refusal names its field (the name here, the code's shape below): the form marks that one.
  if (!pharmacy) return seeOther(linkPath(linkId, "?erreur=pharmacie"));
  const result = await openLink({ linkId, secret, passcode: field("code").trim(), pharmacy, ...requestOrigin(request.headers) }, new Date());
  switch (result.kind) {
    case "opened": {
      const cookie = pharmacistCookie(linkId);
      const response = seeOther(linkPath(linkId));
      response.headers.append("Set-Cookie", setCookieHeader(cookie.name, result.token, { ...cookie.options, maxAge: result.maxAge }));
      return response;
    }
    case "wrong-passcode":
      // The guess that spent the last try locked the link: the form could not open it any more.
      return result.attemptsLeft > 0 ? seeOther(linkPath(linkId, `?erreur=code&essais=${result.attemptsLeft}`)) : seeOther(linkPath(linkId, "/indisponible"));
    case "invalid-passcode":
      return seeOther(linkPath(linkId, "?erreur=format"));
    case "rate-limited":
      return seeOther(linkPath(linkId, "?erreur=attente"));
    case "not-found":
      return seeOther(linkPath(linkId, "/indisponible"));
  }
}
