import "@/server/server-only";
import { z } from "zod";
import { findAccountById, type AccountSummary } from "../db/account-store";
import { accountIdForOidcIdentity, bindOidcIdentity } from "../db/oidc-identity-store";
import { isSpaceClosedFor } from "../db/space-closure-store";
import { identityRefOf } from "../accounts/linked-identities";
import { spendOidcLinkProof } from "../accounts/oidc-link-proof";
import type { Queryable } from "../db/queryable";
import { changeAndTellOwner } from "../notifications/account-change-notice";

/**
 * Who an OpenID Connect sign-in (FranceConnect / Pro Santé Connect shape) is, and whether the
 * portal's own second factor is still needed.
 *
 * - The account is found by the provider's issuer and subject (`iss` + `sub`), never by e-mail:
 *   an address is not an identity (a provider may let anyone claim one, or recycle it).
 * - An identity is bound once, by its owner, while signed in to the portal with its own factors:
 *   connecting with the provider from a signed-in session binds it to that account only when the
 *   flow was started from « Mon compte » with the current factor proven (oidc-link-proof.ts,
 *   found by the callback's `state`); otherwise nothing is bound ("link-unproven").
 * - A provider's assurance level (`acr`) of eIDAS substantial or high (eidas2, eidas3) is two
 *   factors already; anything lower, or none, is one factor: the portal's code is asked after.
 */
export const STRONG_ACR = new Set(["eidas2", "eidas3", "substantial", "high", "http://eidas.europa.eu/LoA/substantial", "http://eidas.europa.eu/LoA/high"]);

const profileSchema = z.object({ sub: z.string().min(1).max(255), acr: z.string().max(200).optional() });

/** `identityRef`: the identity's keyed hash, which the session it opens records (session-origin.ts). */
export type OidcOutcome =
  | { kind: "signed-in"; account: AccountSummary; identityRef: string }
  | { kind: "second-factor"; account: AccountSummary; identityRef: string }
  | { kind: "bound"; account: AccountSummary }
  | { kind: "link-unproven"; account: AccountSummary }
  /** Bound to an account whose space its holder closed: nothing opens, and the sign-in page says why. */
  | { kind: "closed" }
  | { kind: "refused" };

/** The session the callback came in with, and the `state` of its flow (checked by next-auth against this browser's cookie). */
export type OidcSignedIn = { accountId: string; sessionId: string; state: string | undefined };

export async function resolveOidcSignIn(input: {
  issuer: string;
  profile: unknown;
  signedIn?: OidcSignedIn;
  now: Date;
  /** Where the callback came from, for the trail row of a link. */
  trail?: { address?: string; userAgent?: string | null };
}): Promise<OidcOutcome> {
  const parsed = profileSchema.safeParse(input.profile);
  if (!parsed.success) return { kind: "refused" };
  const { sub, acr } = parsed.data;
  const boundTo = await accountIdForOidcIdentity(input.issuer, sub);
  const signedIn = input.signedIn;
  if (signedIn && !boundTo) {
    const account = await findAccountById(signedIn.accountId);
    if (!account || account.disabled) return { kind: "refused" };
    if (!(await spendOidcLinkProof(signedIn, signedIn.state, input.now))) return { kind: "link-unproven", account };
    // Bound with its trail row and the owner's notice, in one transaction (account-change-notice.ts).
    const bind = (db: Queryable) => bindOidcIdentity(account.id, input.issuer, sub, input.now, db);
    if (!(await changeAndTellOwner(account, "identity-linked", { at: input.now, ...input.trail }, bind))) return { kind: "refused" };
    return { kind: "bound", account };
  }
  if (!boundTo) return { kind: "refused" };
  const account = await findAccountById(boundTo);
  if (!account) return { kind: "refused" };
  // The provider proved the identity she bound herself: she is told her space is closed, as after
  // her right password (start-sign-in.ts); any other disabled account is refused without a word.
  if (account.disabled) return (await isSpaceClosedFor(account.id)) ? { kind: "closed" } : { kind: "refused" };
  const identityRef = identityRefOf(input.issuer, sub);
  return acr && STRONG_ACR.has(acr) ? { kind: "signed-in", account, identityRef } : { kind: "second-factor", account, identityRef };
}
