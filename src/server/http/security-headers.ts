/**
 * The security headers of every response. Pure (no environment read), so the proxy, next.config
 * and the tests share one definition.
 *
 * Scripts run only with the request's nonce ('strict-dynamic' lets them load Next's chunks);
 * no 'unsafe-inline' for scripts. Next reads the nonce from the request's CSP header and puts it
 * on its own scripts and styles.
 */
export type CspOptions = {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids and inline styles for its overlay. */
  dev: boolean;
  production: boolean;
  /** Extra origins forms may post or redirect to (the OpenID Connect provider). */
  formActionOrigins?: string[];
};

export function contentSecurityPolicy(options: CspOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", nonce, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(options.dev ? ["'unsafe-inline'"] : [nonce])],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...(options.formActionOrigins ?? [])],
    ["frame-ancestors", "'none'"],
  ];
  if (options.production) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/**
 * Pages that show a secret or are reached through one: the pharmacist's link pages (/p/<link>,
 * whose key is in the fragment) and the page that shows a new share link, its passcode and QR
 * code. They send no referrer at all. In Next's path syntax, for next.config.ts's headers.
 */
export const NO_REFERRER_PAGES = ["/p/:path*", "/espace/ordonnances/:id/lien", "/invitation/:path*"] as const;

const NO_REFERRER_PATTERNS = NO_REFERRER_PAGES.map(
  (source) => new RegExp(`^${source.replace(/\/:\w+\*/g, "(?:/.*)?").replace(/:\w+/g, "[^/]+")}/?$`),
);

/**
 * `same-origin` everywhere else: no Referer ever leaves the site, and the browser keeps the
 * Origin header on our own form posts. Under `no-referrer` a form post carries `Origin: null`,
 * and browsers without Fetch Metadata (Safari before 16.4) then had nothing to prove the post
 * came from our pages: their sign-in and every form were refused (check-origin.ts).
 */
export function referrerPolicyFor(pathname: string): "same-origin" | "no-referrer" {
  return NO_REFERRER_PATTERNS.some((pattern) => pattern.test(pathname)) ? "no-referrer" : "same-origin";
}

/** Headers that do not depend on the request (also set by next.config.ts on static files). */
export function staticSecurityHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Features the portal never uses, refused for it and anything it might embed.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()",
  };
}

/** HSTS only in production: a demo on http://localhost must not pin the browser to HTTPS. */
export function transportSecurityHeaders(production: boolean): Record<string, string> {
  return production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

/**
 * Random bytes for nonces, drawn from the system's generator 4 kB at a time and each used once,
 * as Node's own randomUUID() keeps a cache of random bytes. Why: one getRandomValues() per page
 * was 68 of the documents page's profile samples against 428 for all its React components
 * (issue 16); a call costs about the same for 16 bytes as for 4 kB.
 */
const NONCE_BYTES = 16;
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let taken = 0;

function freshRandomBytes(count: number): Uint8Array {
  if (taken + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    taken = 0;
  }
  const bytes = pool.subarray(taken, taken + count);
  taken += count;
  return bytes;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...freshRandomBytes(NONCE_BYTES)));
}

/** The OpenID Connect issuer's origin, when one is configured and valid. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The headers of a page, a form post or a route's answer: a fresh nonce, the policy naming it
 * (which Next reads from the request to put the nonce on its scripts), and the response's
 * security and cache headers. Applied once per request, by the portal's server
 * (page-headers.ts) or, under `next dev`, by the proxy (src/proxy.ts).
 */
export type PageHeaders = { nonce: string; csp: string; response: Record<string, string> };

export function pageSecurityHeaders(
  pathname: string,
  options: { production: boolean; dev: boolean; oidcIssuer?: string },
): PageHeaders {
  const nonce = newNonce();
  const oidcOrigin = originOf(options.oidcIssuer);
  const csp = contentSecurityPolicy({ nonce, dev: options.dev, production: options.production, formActionOrigins: oidcOrigin ? [oidcOrigin] : [] });
  return {
    nonce,
    csp,
    response: {
      "Content-Security-Policy": csp,
      ...staticSecurityHeaders(),
      ...transportSecurityHeaders(options.production),
      "Referrer-Policy": referrerPolicyFor(pathname),
      // Pages show personal data: never stored by the browser or a shared cache.
      "Cache-Control": "no-store, max-age=0",
    },
  };
}

/**
 * Set by the portal's server on every request it gave the page headers to: the proxy's matcher
 * skips those requests (running Next's proxy cost about 0.8 ms of CPU per page). The server
 * overwrites any value a client sends; under `next dev`, a client sending it only strips its
 * own answer's headers, and the proxy decides nothing about access anyway.
 */
export const PAGE_HEADERS_APPLIED = "x-espace-page-headers";
