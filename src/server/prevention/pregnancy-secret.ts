import "@/server/server-only";
import type { Coding, Condition, Patient } from "@medplum/fhirtypes";
import { MINOR_SECRET, SYSTEMS } from "@/lib/fhir/systems";
import type { ReadRepository } from "../fhir/read-repository";
import { SNOMED_CONDITIONS, SNOMED_SYSTEM } from "./codes";
import { addDays, parisDay, type Day } from "./days";
import { PREGNANCY_DAYS } from "./evaluators/context";
import { isActive } from "./extract-facts";
import { loadPreventionRecord } from "./load-prevention-record";
import type { VaccineKind } from "./types";

const SECRET: Coding[] = [{ system: SYSTEMS.privacyLabel, code: MINOR_SECRET }];

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
  return conditions.some((condition) => isActive(condition) && isSecretPregnancy(condition)) ? SECRET : [];
}

/**
 * The vaccines a dose of which during a pregnancy is the pregnancy's own vaccination, so tells of
 * it: those that carry pertussis (hexavalent, dTcaP, dTca: codes.ts; HAS, 7 April 2022:
 * calendars/fr-2025.ts, PERTUSSIS_PREGNANCY), and RSV's, Abrysvo being given to pregnant women
 * between 32 and 36 weeks of amenorrhoea (HAS, « Recommandation vaccinale contre les infections à
 * VRS chez les femmes enceintes », 13 June 2024) and otherwise only from 60 (Arexvy, Abrysvo). A
 * dTP, flu or COVID-19 dose is given to anyone and tells nothing of it.
 */
const PREGNANCY_TELLING_KINDS: ReadonlySet<VaccineKind> = new Set<VaccineKind>(["hexa", "dtcap", "rsv"]);

/**
 * The labels of a dose added by hand to the carnet (« Carnet › Ajouter »): the minor's secret when
 * it tells of a pregnancy (pertussis, RSV: above) and is dated within a pregnancy she keeps from
 * her parents, as « C'est fait » on the pregnancy's item labels it (above): the same dose, declared by another form, told
 * her mother of the pregnancy. Within: from the pregnancy's first day to its end (abatement), at
 * most 42 weeks; one without a first day, from 42 weeks before its end (today while it runs).
 * Read as the actor, so a guardian, who sees no secret pregnancy, adds an unlabelled dose; the
 * record is read only for such a dose, and read as the calendar page reads it (same search).
 */
export async function addedDoseSecretLabels(repo: ReadRepository, patient: Patient, kind: VaccineKind, day: Day, today: Day): Promise<Coding[]> {
  if (!PREGNANCY_TELLING_KINDS.has(kind)) return [];
  const { conditions } = await loadPreventionRecord(repo, patient.id ?? "", patient);
  return conditions.some((condition) => isSecretPregnancy(condition) && isWithin(condition, day, today)) ? SECRET : [];
}

function isSecretPregnancy(condition: Condition): boolean {
  const verification = condition.verificationStatus?.coding?.[0]?.code;
  if (verification === "refuted" || verification === "entered-in-error") return false;
  return (
    (condition.code?.coding ?? []).some((coding) => coding.system === SNOMED_SYSTEM && coding.code !== undefined && SNOMED_CONDITIONS[coding.code] === "pregnancy") &&
    (condition.meta?.security ?? []).some((label) => label.system === SYSTEMS.privacyLabel && label.code === MINOR_SECRET)
  );
}

function isWithin(condition: Condition, day: Day, today: Day): boolean {
  const onset = parisDay(condition.onsetDateTime ?? condition.onsetPeriod?.start);
  const abated = parisDay(condition.abatementDateTime ?? condition.abatementPeriod?.end ?? condition.abatementPeriod?.start);
  // Closed without a day (resolved, no abatement): its end is not known, so its first day's 42 weeks.
  const end = abated ?? (isActive(condition) || !onset ? today : addDays(onset, PREGNANCY_DAYS - 1));
  const start = onset ?? addDays(end, -(PREGNANCY_DAYS - 1));
  const last = onset && addDays(onset, PREGNANCY_DAYS - 1) < end ? addDays(onset, PREGNANCY_DAYS - 1) : end;
  return start <= day && day <= last;
}
