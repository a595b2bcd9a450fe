-- Invitations to act for a patient (issue 13). Not clinical data: the delegation itself is a
-- RelatedPerson in the patient's record, written through the repository when the invitation is
-- accepted. This row keeps what only the invitation needs: the secrets (hashed), its state and
-- which e-mails the periodic job already sent.

CREATE TABLE "delegation_invitation" (
  "id" UUID NOT NULL,
  "patient_id" UUID NOT NULL,
  "given" TEXT NOT NULL,
  "family" TEXT NOT NULL,
  "relationship" TEXT NOT NULL,
  "scopes" TEXT[] NOT NULL,
  -- The last day (Paris calendar day, YYYY-MM-DD), included.
  "end_day" TEXT NOT NULL,
  -- The invitee's address: only an account with this address may accept.
  "email" TEXT NOT NULL,
  -- SHA-256 of the 256-bit secret of the link; single use.
  "token_hash" TEXT NOT NULL,
  -- SHA-256 of the patient's one-click cancel secret (a new one with each e-mail to the patient).
  "cancel_token_hash" TEXT,
  "created_by" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "accepted_at" TIMESTAMPTZ(3),
  "accepted_by" UUID,
  "related_person_id" UUID,
  "confirmed_at" TIMESTAMPTZ(3),
  "cancelled_at" TIMESTAMPTZ(3),
  "activation_notified_at" TIMESTAMPTZ(3),
  CONSTRAINT "delegation_invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "delegation_invitation_token_hash_key" ON "delegation_invitation"("token_hash");
CREATE UNIQUE INDEX "delegation_invitation_cancel_token_hash_key" ON "delegation_invitation"("cancel_token_hash");
CREATE UNIQUE INDEX "delegation_invitation_related_person_id_key" ON "delegation_invitation"("related_person_id");
CREATE INDEX "delegation_invitation_patient_idx" ON "delegation_invitation"("patient_id", "created_at" DESC);

GRANT SELECT, INSERT, UPDATE ON delegation_invitation TO espace_sante_app;
