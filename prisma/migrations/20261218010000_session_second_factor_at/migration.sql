-- When this session's sign-in proved the second factor with a code (of the authenticator app, or
-- a recovery code); null for a session opened otherwise (a passkey, an identity provider,
-- activation) or once that proof has served. Replacing the authenticator app in « Mon compte »
-- asks no second code for a few minutes after it (src/server/accounts/confirm-totp.ts): someone
-- who has just come in with a recovery code after losing their phone has no app to give a code
-- of, and another recovery code would be spent for nothing. Written by the server at sign-in
-- only; nothing a request sends sets it.
ALTER TABLE "auth_session" ADD COLUMN "second_factor_at" TIMESTAMPTZ(3);
