-- Accounts a person opens, secures and recovers (issue 11): activation codes and reset links,
-- recovery codes, passkeys, OpenID Connect identities bound by subject, known browsers (device
-- cookies) and the account's own trail.
ALTER TABLE "account" ALTER COLUMN "password_hash" DROP NOT NULL;
ALTER TABLE "account" ALTER COLUMN "totp_secret" DROP NOT NULL;
ALTER TABLE "account" ADD COLUMN "pending_totp_secret" TEXT;
ALTER TABLE "account" ADD COLUMN "activated_at" TIMESTAMPTZ(3);
ALTER TABLE "account" ADD COLUMN "second_factor_paused_until" TIMESTAMPTZ(3);
ALTER TABLE "account" ADD COLUMN "security_notice" TEXT;
-- Accounts that existed before invitations were opened by hand: they count as activated.
UPDATE "account" SET "activated_at" = "created_at";

ALTER TABLE "auth_session" ADD COLUMN "address" TEXT;
ALTER TABLE "sign_in_challenge" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'sign-in';

CREATE TABLE "known_device" (
    "account_id" UUID NOT NULL,
    "device_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "known_device_pkey" PRIMARY KEY ("account_id", "device_hash")
);
ALTER TABLE "known_device" ADD CONSTRAINT "known_device_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "account_event" (
    "id" BIGSERIAL NOT NULL,
    "account_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT,
    "user_agent" TEXT,
    "detail" TEXT,
    CONSTRAINT "account_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "account_event_account_id_at_idx" ON "account_event"("account_id", "at");
ALTER TABLE "account_event" ADD CONSTRAINT "account_event_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "account_token" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "data" TEXT,
    CONSTRAINT "account_token_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "account_token_token_hash_key" ON "account_token"("token_hash");
CREATE INDEX "account_token_account_id_idx" ON "account_token"("account_id");
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "recovery_code" (
    "account_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("account_id", "code_hash")
);
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "passkey" (
    "credential_id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "public_key" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    CONSTRAINT "passkey_pkey" PRIMARY KEY ("credential_id")
);
CREATE INDEX "passkey_account_id_idx" ON "passkey"("account_id");
ALTER TABLE "passkey" ADD CONSTRAINT "passkey_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "oidc_identity" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "oidc_identity_pkey" PRIMARY KEY ("issuer", "subject")
);
CREATE INDEX "oidc_identity_account_id_idx" ON "oidc_identity"("account_id");
ALTER TABLE "oidc_identity" ADD CONSTRAINT "oidc_identity_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  known_device, account_token, recovery_code, passkey, oidc_identity
  TO espace_sante_app;
-- The account's trail is append-only for the app, like the patient data trail.
GRANT SELECT, INSERT ON account_event TO espace_sante_app;
GRANT USAGE, SELECT ON SEQUENCE account_event_id_seq TO espace_sante_app;
