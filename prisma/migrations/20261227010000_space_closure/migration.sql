-- « Clôturer mon espace » (src/server/accounts/close-space.ts), Code de la santé publique,
-- art. R1111-36: « Le titulaire peut décider de clôturer son espace numérique de santé à tout
-- moment […]. À compter de la date de la clôture, les données contenues dans l'espace numérique de
-- santé sont archivées pendant une période de dix ans. Elles sont supprimées automatiquement au-delà
-- de ce délai. Si le titulaire formule une demande expresse de suppression des données […] avant
-- l'expiration de ce délai, il est fait droit à sa demande dans un délai maximum de trois mois. »
-- One row per closed space, gone when it is reopened (the trail keeps both acts). What the access
-- decision reads is the Patient's own `active` (false from the closure: access/rules.ts); this row
-- says when, until when the archive is kept, and the person's request to erase it sooner.
CREATE TABLE "space_closure" (
  "patient_id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "closed_at" TIMESTAMPTZ(3) NOT NULL,
  "archive_until" TIMESTAMPTZ(3) NOT NULL,
  "erase_requested_at" TIMESTAMPTZ(3),
  "erase_due_at" TIMESTAMPTZ(3),
  CONSTRAINT "space_closure_pkey" PRIMARY KEY ("patient_id"),
  CONSTRAINT "space_closure_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "space_closure_account_idx" ON "space_closure" ("account_id");

GRANT SELECT, INSERT, UPDATE, DELETE ON space_closure TO espace_sante_app;
