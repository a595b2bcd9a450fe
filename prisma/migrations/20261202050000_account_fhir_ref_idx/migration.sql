-- Finding the account of a space (notify(), notifyMany(): "Patient/<id>" to its account) read
-- the whole account table for each notice: with 100,000 accounts, a campaign's enqueue was
-- bound by that scan (issue 15's bench).
CREATE INDEX "account_fhir_ref_idx" ON "account"("fhir_ref");
