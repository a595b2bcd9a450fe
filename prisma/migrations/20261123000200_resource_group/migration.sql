-- The prescription a MedicationRequest or MedicationDispense belongs to, so that a share link
-- (one prescription) is a filter on an indexed column.
ALTER TABLE "fhir_resource" ADD COLUMN "group_id" TEXT;
CREATE INDEX "resource_patient_group_idx" ON "fhir_resource"("patient_id", "group_id");
