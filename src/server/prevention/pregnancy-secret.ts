import "@/server/server-only";
import type { Coding, Patient } from "@medplum/fhirtypes";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import type { ReadRepository } from "../fhir/read-repository";
import { SNOMED_CONDITIONS, SNOMED_SYSTEM } from "./codes";
import { isActive } from "./extract-facts";
import { loadPreventionRecord } from "./load-prevention-record";

/**
 * The labels a vaccination given for the person's pregnancy carries (« C'est fait » on the
 * pregnancy's item): the minor's secret (MINOR_SECRET) when a running pregnancy she may see is kept
 * from her parents. The dose is part of that care: left unlabelled, her guardians read in her
 * record a pertussis dose she declared at 16, and her 11-13 booster « à jour » by it, though the
 * pregnancy itself was out of their view. Read through the repository as the actor (decided,
 * audited): a guardian sees no secret pregnancy, so what a guardian records is not labelled.
 * Read as the calendar page reads the record (the same search, the Patient already read): the
 * guardian's history of her space shows reads a look at her calendar leaves too, and neither the
 * dose (its row is labelled as the dose is) nor a search of its own (one of conditions alone,
 * made only here, would tell that a pregnancy's item was recorded).
 */
export async function pregnancySecretLabels(repo: ReadRepository, patient: Patient): Promise<Coding[]> {
  const { conditions } = await loadPreventionRecord(repo, patient.id ?? "", patient);
  const secret = conditions.some(
    (condition) =>
      isActive(condition) &&
      (condition.code?.coding ?? []).some((coding) => coding.system === SNOMED_SYSTEM && coding.code !== undefined && SNOMED_CONDITIONS[coding.code] === "pregnancy") &&
      (condition.meta?.security ?? []).some((label) => label.system === SYSTEMS.privacyLabel && label.code === MINOR_SECRET),
  );
  return secret ? [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }] : [];
}
