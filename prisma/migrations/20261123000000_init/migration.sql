-- Initial schema. Written by hand in Prisma's layout (the CLI cannot run offline here);
-- tests/integration/db/schema-matches.test.ts proves every Prisma model is served by it.

CREATE TABLE "fhir_resource" (
    "id" UUID NOT NULL,
    "resource_type" TEXT NOT NULL,
    "version_id" INTEGER NOT NULL,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "patient_id" UUID,
    "status" TEXT,
    "category" TEXT,
    "code" TEXT,
    "date" TIMESTAMPTZ(3),
    "author" TEXT,
    "actor_ref" TEXT,
    "security" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "search_text" TEXT,
    CONSTRAINT "fhir_resource_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "resource_patient_type_date_idx" ON "fhir_resource"("patient_id", "resource_type", "date" DESC);
CREATE INDEX "resource_actor_idx" ON "fhir_resource"("actor_ref", "resource_type");
CREATE INDEX "resource_type_updated_idx" ON "fhir_resource"("resource_type", "last_updated");
-- Full-text search over titles and PDF text (French stemming), for the documents page.
CREATE INDEX "resource_search_text_idx" ON "fhir_resource"
    USING GIN (to_tsvector('french', coalesce("search_text", '')));

CREATE TABLE "fhir_resource_history" (
    "id" UUID NOT NULL,
    "version_id" INTEGER NOT NULL,
    "resource_type" TEXT NOT NULL,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "patient_id" UUID,
    CONSTRAINT "fhir_resource_history_pkey" PRIMARY KEY ("id", "version_id")
);

CREATE TABLE "binary_content" (
    "id" UUID NOT NULL,
    "patient_id" UUID,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "iv" BYTEA NOT NULL,
    "auth_tag" BYTEA NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "binary_content_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_event" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "recorded" TIMESTAMPTZ(3) NOT NULL,
    "agent" TEXT NOT NULL,
    "agent_name" TEXT,
    "on_behalf_of" TEXT,
    "actor_kind" TEXT NOT NULL,
    "patient_id" UUID,
    "entity" TEXT,
    "interaction" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "address" TEXT,
    "user_agent" TEXT,
    "detail" JSONB,
    "chain_seq" BIGINT NOT NULL DEFAULT 0,
    "prev_hash" TEXT NOT NULL DEFAULT '',
    "hash" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "audit_event_id_key" ON "audit_event"("id");
CREATE INDEX "audit_patient_seq_idx" ON "audit_event"("patient_id", "seq" DESC);
CREATE INDEX "audit_patient_entity_idx" ON "audit_event"("patient_id", "entity");

CREATE TABLE "audit_chain_head" (
    "chain_key" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("chain_key")
);

CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "totp_secret" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fhir_ref" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "security_stamp" INTEGER NOT NULL DEFAULT 0,
    "last_totp_step" BIGINT NOT NULL DEFAULT 0,
    "last_documents_seen" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "account_email_key" ON "account"("email");

CREATE TABLE "auth_session" (
    "id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "security_stamp" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "active_space" TEXT,
    "emergency_patient_id" UUID,
    "emergency_until" TIMESTAMPTZ(3),
    "user_agent" TEXT,
    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "auth_session_account_id_idx" ON "auth_session"("account_id");
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "sign_in_challenge" (
    "id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_challenge_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "sign_in_challenge" ADD CONSTRAINT "sign_in_challenge_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "share_link" (
    "id" UUID NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "patient_id" UUID NOT NULL,
    "prescription_id" TEXT NOT NULL,
    "passcode_hash" TEXT,
    "attempts_left" INTEGER NOT NULL DEFAULT 10,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "share_link_pkey" PRIMARY KEY ("id"),
    -- The remaining passcode attempts can only go down to zero, never below.
    CONSTRAINT "share_link_attempts_left_check" CHECK ("attempts_left" >= 0)
);
CREATE UNIQUE INDEX "share_link_secret_hash_key" ON "share_link"("secret_hash");
CREATE INDEX "share_link_patient_id_idx" ON "share_link"("patient_id");

CREATE TABLE "dispense_guard" (
    "idempotency_key" TEXT NOT NULL,
    "dispense_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dispense_guard_pkey" PRIMARY KEY ("idempotency_key")
);
