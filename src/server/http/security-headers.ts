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

/** Headers that do not depend on the request (also set by next.config.ts on static files). */
export function staticSecurityHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
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

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
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
