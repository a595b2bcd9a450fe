/**
 * Names and options of every cookie the sign-in uses. In production they take the `__Host-`
 * prefix, which browsers only accept with Secure, Path=/ and no Domain: the cookie cannot be set
 * by a sibling subdomain or over plain HTTP (session fixation, cookie tossing). Elsewhere
 * (http://localhost demos and tests) plain names, without Secure.
 * Pure, so it is tested without an environment.
 */
export type CookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  maxAge?: number;
};

export type CookieSpec = { name: string; options: CookieOptions };

export type AuthCookies = {
  /** next-auth's JWT, which holds only the server session id. */
  sessionToken: CookieSpec;
  /** The pending sign-in (password checked, waiting for the code). */
  challenge: CookieSpec;
  csrfToken: CookieSpec;
  callbackUrl: CookieSpec;
  pkceCodeVerifier: CookieSpec;
  state: CookieSpec;
  nonce: CookieSpec;
  /** This browser's signed id (OWASP device cookie): the owner's browser is known by it. */
  device: CookieSpec;
  /** An activation under way (invitation code checked, enrolment not finished). */
  activation: CookieSpec;
  /**
   * The invitation an account is being opened from (/api/invitation/compte): the activation ends
   * on it, to accept, rather than on a home page that never mentions it.
   */
  invitation: CookieSpec;
};

export const CHALLENGE_TTL_SECONDS = 5 * 60;
export const ACTIVATION_TTL_SECONDS = 30 * 60;
const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;

export function authCookies(production: boolean): AuthCookies {
  const prefix = production ? "__Host-" : "";
  const spec = (name: string, maxAge?: number): CookieSpec => ({
    name: `${prefix}espace-sante.${name}`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: production, ...(maxAge ? { maxAge } : {}) },
  });
  return {
    sessionToken: spec("session"),
    challenge: spec("challenge", CHALLENGE_TTL_SECONDS),
    csrfToken: spec("csrf"),
    callbackUrl: spec("callback-url"),
    pkceCodeVerifier: spec("pkce", 15 * 60),
    state: spec("state", 15 * 60),
    nonce: spec("nonce", 15 * 60),
    device: spec("device", DEVICE_TTL_SECONDS),
    activation: spec("activation", ACTIVATION_TTL_SECONDS),
    invitation: spec("invitation", ACTIVATION_TTL_SECONDS),
  };
}
