import "@/server/server-only";
import { keyedHash } from "../auth/one-time-code";
import { createAccountToken, spendTokenCarrying } from "../db/account-token-store";
import { secrets } from "../secrets";

/**
 * Linking an OpenID Connect identity to an account lets that identity sign in (alone, when the
 * provider asserts a strong level): an open session is not enough to do it. « Mon compte » asks
 * the current factor before sending the browser to the provider (src/app/compte/oidc/lier), and
 * records that proof here, bound to that one flow: the provider's `state` of that redirect (kept
 * as a keyed hash), the account and the session. Back from the provider, the link is made only
 * if the callback's `state` (which next-auth has checked against this browser's cookie) finds
 * this proof, spent then; a flow started elsewhere (the sign-in page's button, while signed in),
 * another session, or a callback replayed finds none. Only the latest proof of an account
 * counts, for as long as next-auth's own state cookie lives.
 */
export const OIDC_LINK_TTL_MS = 15 * 60 * 1000;
const hashOf = (state: string) => keyedHash("oidc-link", state, secrets().authSecret);

export async function recordOidcLinkProof(signedIn: { accountId: string; sessionId: string }, state: string, now: Date): Promise<void> {
  await createAccountToken({ accountId: signedIn.accountId, purpose: "oidc-link", tokenHash: hashOf(state), now, ttlMs: OIDC_LINK_TTL_MS, data: signedIn.sessionId });
}

export async function spendOidcLinkProof(signedIn: { accountId: string; sessionId: string }, state: string | undefined, now: Date): Promise<boolean> {
  if (!state) return false;
  return spendTokenCarrying(hashOf(state), "oidc-link", signedIn.accountId, signedIn.sessionId, now);
}
