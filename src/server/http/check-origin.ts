/**
 * Cross-site request refusal for state-changing requests: a request from another site, or one
 * that cannot show where it comes from, changes nothing.
 *
 * Allowed: an Origin equal to the configured public URL (APP_URL) or to the host the request
 * was sent to (what Next itself compares), so the app also works when reached by another name
 * on a private network.
 *
 * Our pages send `Referrer-Policy: same-origin`, so a browser's form post carries the page's
 * Origin, which is how browsers without Fetch Metadata (older Safari) pass. The pages that show
 * a secret send `no-referrer` (security-headers.ts), and under that policy browsers send
 * `Origin: null` even to the same site. For those, the Fetch Metadata header decides:
 * `Sec-Fetch-Site: same-origin` is set by the browser itself and cannot be written by a page,
 * so it proves the form was on one of our pages. Without either, the request is refused.
 */
export type OriginCheck = { ok: true } | { ok: false; reason: "missing" | "foreign" };

export function checkOrigin(headers: Headers, appUrl: string): OriginCheck {
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return { ok: false, reason: "foreign" };
  if (!origin || origin === "null") return fetchSite === "same-origin" ? { ok: true } : { ok: false, reason: "missing" };
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return { ok: false, reason: "foreign" };
  }
  if (originUrl.origin === new URL(appUrl).origin) return { ok: true };
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (host && originUrl.host === host) return { ok: true };
  return { ok: false, reason: "foreign" };
}

const REFUSAL = "Demande refusée : elle ne vient pas d'une page de l'Espace santé. Rien n'a été modifié.";
const REFUSAL_HINT = "Si vous avez envoyé ce formulaire vous-même, revenez sur la page et envoyez-le à nouveau. Une extension du navigateur qui masque la provenance des pages peut en être la cause.";

/**
 * The refusal as the person sees it: a form post is a navigation, so the browser shows the body
 * (it was an English JSON line, found by an exploratory test of the demo); a page in plain French
 * says nothing changed and what to do. A script (passkeys' fetch) gets the same words as JSON.
 * Inline, without the portal's frame: nothing of the person's is read for a request refused.
 */
function refusal(request: Request): Response {
  const headers = { "cache-control": "no-store" };
  if (!(request.headers.get("accept") ?? "").includes("text/html")) return Response.json({ error: REFUSAL }, { status: 403, headers });
  const page = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Demande refusée – Espace santé</title></head>
<body><main><h1>Demande refusée</h1><p>${REFUSAL}</p><p>${REFUSAL_HINT}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>`;
  return new Response(page, { status: 403, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

/** For route handlers: a 403 response when the origin is refused, undefined when it is fine. */
export function refuseCrossSite(request: Request, appUrl: string): Response | undefined {
  const check = checkOrigin(request.headers, appUrl);
  if (check.ok) return undefined;
  return refusal(request);
}

export class CrossSiteRequestError extends Error {
  constructor() {
    super("Requête intersite refusée");
  }
}

/** For server actions (which Next already refuses with a foreign or null Origin): also refuses a missing one. */
export function assertSameOrigin(headers: Headers, appUrl: string): void {
  if (!checkOrigin(headers, appUrl).ok) throw new CrossSiteRequestError();
}
