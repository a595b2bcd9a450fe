-- The history of a patient's choices ("vous avez autorisé Dr Petit le 3 mars, retiré le 5 mai")
-- reads every version of their Consents, newest first: by patient and type, not by resource id.
CREATE INDEX "resource_history_patient_type_idx" ON "fhir_resource_history"("patient_id", "resource_type", "last_updated" DESC);
