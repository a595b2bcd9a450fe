-- Notifications and the e-mail outbox (issue 15). Both are written in the transaction of the
-- event that causes them (src/server/notifications/notify.ts, src/server/mail/enqueue-email.ts),
-- so an event never happens without its notice; the mail worker drains the outbox.

CREATE TABLE "email_outbox" (
  "id" UUID NOT NULL,
  -- Enqueuing the same key twice sends once (ON CONFLICT DO NOTHING).
  "dedupe_key" TEXT,
  "kind" TEXT NOT NULL,
  "recipient" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "text_body" TEXT NOT NULL,
  "html_body" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "attempts" INTEGER NOT NULL DEFAULT 0,
  -- A worker's claim on the row: another worker skips it until this passes (crash recovery).
  "locked_until" TIMESTAMPTZ(3),
  "sent_at" TIMESTAMPTZ(3),
  "failed_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_outbox_dedupe_key_key" ON "email_outbox"("dedupe_key");
-- What the worker looks for: pending rows, oldest due first.
CREATE INDEX "email_outbox_due_idx" ON "email_outbox"("next_attempt_at") WHERE "sent_at" IS NULL AND "failed_at" IS NULL;

CREATE TABLE "notification" (
  "id" UUID NOT NULL,
  -- Whose space it belongs to (shown to the patient and to whoever manages that space) …
  "patient_id" UUID,
  -- … or one account's own (a professional's, a sign-in from a new browser).
  "account_id" UUID,
  "kind" TEXT NOT NULL,
  "urgent" BOOLEAN NOT NULL DEFAULT false,
  "link" TEXT,
  "dedupe_key" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "read_at" TIMESTAMPTZ(3),
  CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notification_owner_check" CHECK ("patient_id" IS NOT NULL OR "account_id" IS NOT NULL)
);
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");
CREATE INDEX "notification_patient_idx" ON "notification"("patient_id", "created_at" DESC);
CREATE INDEX "notification_account_idx" ON "notification"("account_id", "created_at" DESC);

-- Per account and kind: e-mail as well, or in the portal only. No row: the kind's default.
CREATE TABLE "notification_preference" (
  "account_id" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "email" BOOLEAN NOT NULL,
  CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("account_id", "kind")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON email_outbox, notification, notification_preference TO espace_sante_app;
