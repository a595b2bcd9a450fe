-- What opened each session, so that removing a way in (a passkey, a linked OpenID Connect
-- identity) closes the sessions it opened: one an intruder added keeps no session open once the
-- owner removes it. `opened_with` is the method: 'password' (the password and a code, or an
-- activation), 'passkey' or 'oidc'; `opened_with_ref` names the credential: the passkey's row id
-- (passkey.credential_id) or, for an identity, the keyed hash of its issuer and subject that
-- « Délier » names it by (src/server/accounts/linked-identities.ts), never the subject itself.
-- Null for sessions opened before this column: nothing is known of them.
ALTER TABLE "auth_session" ADD COLUMN "opened_with" TEXT;
ALTER TABLE "auth_session" ADD COLUMN "opened_with_ref" TEXT;
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_opened_with_check"
  CHECK ("opened_with" IS NULL OR "opened_with" IN ('password', 'passkey', 'oidc'));
CREATE INDEX "auth_session_account_id_opened_with_ref_idx" ON "auth_session" ("account_id", "opened_with_ref");

-- A sign-in by an identity of one factor only goes on to the portal's code (oidc-second-factor.ts):
-- its challenge keeps which identity started it, so the session it opens is that identity's.
ALTER TABLE "sign_in_challenge" ADD COLUMN "oidc_ref" TEXT;
