/**
 * What opened a session (auth_session.opened_with, opened_with_ref): the way in it came by, so
 * that removing that way in (a passkey, a linked identity) closes the sessions it opened, and the
 * owner's list of sessions says how each was opened. A passkey is named by its row id
 * (passkey.credential_id); an identity by the keyed hash « Délier » names it by
 * (linked-identities.ts), never its subject. "password": the password and a code (or an
 * activation, which sets both).
 */
export type SessionOrigin = { method: "password" } | { method: "passkey"; credentialId: string } | { method: "oidc"; identityRef: string };

export type SessionOriginColumns = { openedWith: SessionOrigin["method"] | null; openedWithRef: string | null };

export function originColumns(origin: SessionOrigin | undefined): SessionOriginColumns {
  if (!origin) return { openedWith: null, openedWithRef: null };
  if (origin.method === "passkey") return { openedWith: "passkey", openedWithRef: origin.credentialId };
  if (origin.method === "oidc") return { openedWith: "oidc", openedWithRef: origin.identityRef };
  return { openedWith: "password", openedWithRef: null };
}

/** The origin the columns record; undefined for a session opened before they were written (or a value this code does not know). */
export function originOf(columns: { openedWith: string | null; openedWithRef: string | null }): SessionOrigin | undefined {
  const { openedWith, openedWithRef } = columns;
  if (openedWith === "password") return { method: "password" };
  if (openedWith === "passkey" && openedWithRef) return { method: "passkey", credentialId: openedWithRef };
  if (openedWith === "oidc" && openedWithRef) return { method: "oidc", identityRef: openedWithRef };
  return undefined;
}
