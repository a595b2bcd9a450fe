import "@/server/server-only";
import { keyedHash } from "../auth/one-time-code";
import { oidcIssuer } from "../auth/oidc";
import { listOidcIdentities, type StoredOidcIdentity } from "../db/oidc-identity-store";
import { env } from "../env";
import { secrets } from "../secrets";

/**
 * The OpenID Connect identities bound to an account, as « Mon compte » lists them and its
 * « Délier » names them. Each is shown by its provider and the day it was linked, and nothing of
 * its subject: the subject is the provider's identifier of the person (FranceConnect's is one
 * per service), which tells the owner nothing and anyone else too much; even a few of its
 * characters would be a piece of an identifier in every page and screenshot. The page's form
 * names an identity by `ref`, a keyed hash of issuer and subject (the subject is not in the HTML
 * either), which the route finds again among the account's own identities only.
 */
export type LinkedIdentity = { ref: string; provider: string; linkedAt: Date };

/** The keyed hash that names an identity to the page, and to the sessions it opened (session-origin.ts). */
export const identityRefOf = (issuer: string, subject: string) => keyedHash("oidc-identity", `${issuer}\n${subject}`, secrets().authSecret);

const refOf = (identity: StoredOidcIdentity) => identityRefOf(identity.issuer, identity.subject);

/** The configured provider's display name when the issuer is its; else the issuer's host (an old link still signs in if that provider comes back). */
function providerName(issuer: string): string {
  if (issuer === oidcIssuer(env())) return env().OIDC_NAME;
  try {
    return new URL(issuer).host || issuer;
  } catch {
    return issuer;
  }
}

export async function linkedIdentitiesOf(accountId: string): Promise<LinkedIdentity[]> {
  return (await listOidcIdentities(accountId)).map((identity) => ({ ref: refOf(identity), provider: providerName(identity.issuer), linkedAt: identity.createdAt }));
}

/** The account's own identity that `ref` names; none for another account's or an unknown one. */
export async function findLinkedIdentity(accountId: string, ref: string): Promise<StoredOidcIdentity | undefined> {
  if (!ref) return undefined;
  return (await listOidcIdentities(accountId)).find((identity) => refOf(identity) === ref);
}
