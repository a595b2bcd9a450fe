/**
 * Cross-site request refusal for state-changing requests. Browsers send Origin on every POST;
 * a request without one, or from another site, changes nothing. Next already compares Origin
 * and Host for server actions but lets a missing Origin through, so actions call this too.
 *
 * Allowed: the configured public URL (APP_URL), or the host the request was sent to (what Next
 * itself compares), so the app also works when reached by another name on a private network.
 */
export type OriginCheck = { ok: true } | { ok: false; reason: "missing" | "foreign" };

export function checkOrigin(headers: Headers, appUrl: string): OriginCheck {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return { ok: false, reason: "missing" };
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

/** For route handlers: a 403 response when the origin is refused, undefined when it is fine. */
export function refuseCrossSite(request: Request, appUrl: string): Response | undefined {
  const check = checkOrigin(request.headers, appUrl);
  if (check.ok) return undefined;
  return Response.json({ error: "cross-site request refused" }, { status: 403, headers: { "cache-control": "no-store" } });
}

export class CrossSiteRequestError extends Error {
  constructor() {
    super("Requête intersite refusée");
  }
}

/** For server actions: throws unless the request comes from our own pages. */
export function assertSameOrigin(headers: Headers, appUrl: string): void {
  if (!checkOrigin(headers, appUrl).ok) throw new CrossSiteRequestError();
}
