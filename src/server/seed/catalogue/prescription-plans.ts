import type { MedicationRequest } from "@medplum/fhirtypes";
import { PRESCRIPTION_IDS, type PatientPersona, type PractitionerPersona } from "@/lib/demo/personas";
import type { PrescriptionLine } from "@/lib/fhir/builders/prescriptions";
import { defaultValidityDay } from "@/lib/prescriptions/validity";
import { daysAgo, on, type SeedClock } from "./plan";

/**
 * The personas' prescriptions, one per state the pages show:
 * - active: valid, nothing dispensed (status active);
 * - partly dispensed: valid, some lines or some renewals dispensed (status active);
 * - fully dispensed: every line handed over (status completed);
 * - expired: validity ended before anything was dispensed (status stopped).
 */
export type DispensePlan = { line: number; date: string; quantity?: number; fill?: "first" | "refill" | "partial" };

export type PrescriptionPlan = {
  prescriptionId: string;
  patient: PatientPersona;
  requester: PractitionerPersona;
  authoredOn: string;
  /** Last day of validity, a Paris day (AAAA-MM-JJ). */
  validUntil: string;
  status: MedicationRequest["status"];
  lines: PrescriptionLine[];
  dispenses: DispensePlan[];
  /** Printed on the PDF of the prescription. */
  title: string;
};

const box = (value: number, unit = "boîte(s)") => ({ value, unit });

export function prescriptionPlans(clock: SeedClock): PrescriptionPlan[] {
  const camilleRenewal = daysAgo(clock, 12);
  const camilleRhinitis = daysAgo(clock, 40);
  const jeanRenewal = daysAgo(clock, 14);
  const nadiaRenewal = daysAgo(clock, 30);
  return [
    {
      prescriptionId: PRESCRIPTION_IDS.camilleActive,
      patient: "camille",
      requester: "bernard",
      authoredOn: camilleRenewal,
      validUntil: defaultValidityDay(camilleRenewal, 3),
      status: "active",
      title: "Ordonnance - traitement de l'asthme",
      lines: [
        { medication: "Budésonide/formotérol 200/6 µg par dose, poudre pour inhalation (Symbicort Turbuhaler)", atc: "R03AK07", dosage: "1 inhalation matin et soir. Se rincer la bouche après chaque prise.", quantity: box(1, "inhalateur(s) de 120 doses"), repeats: 2, supplyDays: 30 },
        { medication: "Salbutamol 100 µg par dose, suspension pour inhalation (Ventoline)", atc: "R03AC02", dosage: "2 bouffées en cas de gêne respiratoire ou 15 minutes avant l'effort, sans dépasser 8 bouffées par jour.", quantity: box(1, "flacon(s) de 200 doses"), repeats: 2 },
      ],
      dispenses: [],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.camillePartlyDispensed,
      patient: "camille",
      requester: "bernard",
      authoredOn: camilleRhinitis,
      validUntil: defaultValidityDay(camilleRhinitis, 3),
      status: "active",
      title: "Ordonnance - rhinite allergique",
      lines: [
        { medication: "Desloratadine 5 mg, comprimé pelliculé", atc: "R06AX27", dosage: "1 comprimé le matin pendant 3 mois.", quantity: box(1, "boîte(s) de 30 comprimés"), repeats: 2, supplyDays: 30 },
        { medication: "Mométasone 50 µg par dose, suspension pour pulvérisation nasale", atc: "R01AD09", dosage: "2 pulvérisations dans chaque narine le matin.", quantity: box(1, "flacon(s) de 140 doses"), repeats: 1 },
      ],
      dispenses: [{ line: 0, date: daysAgo(clock, 38) }],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.camilleDispensed,
      patient: "camille",
      requester: "moreau",
      authoredOn: on("2022-01-17", 23),
      validUntil: defaultValidityDay(on("2022-01-17", 23), 3),
      status: "completed",
      title: "Ordonnance de sortie des urgences",
      lines: [
        { medication: "Prednisolone 20 mg, comprimé orodispersible", atc: "H02AB06", dosage: "2 comprimés le matin pendant 5 jours.", quantity: box(1, "boîte(s) de 20 comprimés") },
        { medication: "Salbutamol 100 µg par dose, suspension pour inhalation (Ventoline)", atc: "R03AC02", dosage: "2 à 4 bouffées toutes les 4 heures pendant 48 heures puis à la demande.", quantity: box(1, "flacon(s) de 200 doses") },
      ],
      dispenses: [{ line: 0, date: on("2022-01-18", 10) }, { line: 1, date: on("2022-01-18", 10) }],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.camilleExpired,
      patient: "camille",
      requester: "bernard",
      authoredOn: on("2024-01-29", 17),
      validUntil: defaultValidityDay(on("2024-01-29", 17), 3),
      // Never dispensed and its validity is over: still "active" in FHIR, shown as expired.
      status: "active",
      title: "Ordonnance - supplémentation en vitamine D",
      lines: [{ medication: "Cholécalciférol 50 000 UI, solution buvable en ampoule", atc: "A11CC05", dosage: "1 ampoule par mois pendant 3 mois, au cours d'un repas.", quantity: box(3, "ampoule(s)") }],
      dispenses: [],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.jeanPartlyDispensed,
      patient: "jean",
      requester: "bernard",
      authoredOn: jeanRenewal,
      validUntil: defaultValidityDay(jeanRenewal, 3),
      status: "active",
      title: "Ordonnance - traitement du diabète et de l'hypertension (3 mois)",
      lines: [
        { medication: "Metformine 1 000 mg, comprimé pelliculé sécable", atc: "A10BA02", dosage: "1 comprimé matin et soir, au milieu des repas.", quantity: box(2, "boîte(s) de 30 comprimés"), repeats: 2, supplyDays: 30 },
        { medication: "Sitagliptine 100 mg, comprimé pelliculé", atc: "A10BH01", dosage: "1 comprimé le matin.", quantity: box(1, "boîte(s) de 28 comprimés"), repeats: 2, supplyDays: 28 },
        { medication: "Ramipril 10 mg, comprimé sécable", atc: "C09AA05", dosage: "1 comprimé le matin.", quantity: box(1, "boîte(s) de 30 comprimés"), repeats: 2, supplyDays: 30 },
        { medication: "Amlodipine 5 mg, gélule", atc: "C08CA01", dosage: "1 gélule le soir.", quantity: box(1, "boîte(s) de 30 gélules"), repeats: 2, supplyDays: 30 },
        { medication: "Atorvastatine 20 mg, comprimé pelliculé", atc: "C10AA05", dosage: "1 comprimé le soir.", quantity: box(1, "boîte(s) de 30 comprimés"), repeats: 2, supplyDays: 30 },
      ],
      // The first of three monthly dispensations.
      dispenses: [0, 1, 2, 3, 4].map((line) => ({ line, date: daysAgo(clock, 13) })),
    },
    {
      prescriptionId: PRESCRIPTION_IDS.jeanActive,
      patient: "jean",
      requester: "bernard",
      authoredOn: jeanRenewal,
      validUntil: defaultValidityDay(jeanRenewal, 3),
      status: "active",
      title: "Ordonnance - douleurs du genou droit",
      lines: [
        { medication: "Paracétamol 1 g, comprimé", atc: "N02BE01", dosage: "1 comprimé jusqu'à 3 fois par jour en cas de douleur, en espaçant les prises d'au moins 6 heures.", quantity: box(2, "boîte(s) de 8 comprimés") },
        { medication: "Diclofénac 1 %, gel pour application locale", atc: "M02AA15", dosage: "1 application sur le genou droit 2 à 3 fois par jour, 7 jours au maximum.", quantity: box(1, "tube(s) de 100 g") },
      ],
      dispenses: [],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.jeanDispensed,
      patient: "jean",
      requester: "roux",
      authoredOn: on("2025-01-24", 13),
      validUntil: defaultValidityDay(on("2025-01-24", 13), 3),
      status: "completed",
      title: "Ordonnance de sortie d'hospitalisation",
      lines: [{ medication: "Amoxicilline/acide clavulanique 1 g/125 mg, comprimé pelliculé", atc: "J01CR02", dosage: "1 comprimé matin, midi et soir pendant 3 jours, au début des repas.", quantity: box(1, "boîte(s) de 24 comprimés") }],
      dispenses: [{ line: 0, date: on("2025-01-24", 17) }],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.jeanExpired,
      patient: "jean",
      requester: "bernard",
      authoredOn: on("2024-06-17", 16),
      validUntil: defaultValidityDay(on("2024-06-17", 16), 3),
      // Never dispensed and its validity is over: still "active" in FHIR, shown as expired.
      status: "active",
      title: "Ordonnance - supplémentation en vitamine D",
      lines: [{ medication: "Cholécalciférol 100 000 UI, solution buvable en ampoule", atc: "A11CC05", dosage: "1 ampoule tous les 3 mois.", quantity: box(1, "ampoule(s)") }],
      dispenses: [],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.leoDispensed,
      patient: "leo",
      requester: "garnier",
      authoredOn: on("2024-02-05", 18),
      validUntil: defaultValidityDay(on("2024-02-05", 18), 3),
      status: "completed",
      title: "Ordonnance - otite moyenne aiguë",
      lines: [
        { medication: "Amoxicilline 250 mg/5 mL, poudre pour suspension buvable", atc: "J01CA04", dosage: "1 dose-poids de 22 kg matin, midi et soir pendant 5 jours.", quantity: box(1, "flacon(s) de 120 mL") },
        { medication: "Paracétamol 2,4 %, suspension buvable", atc: "N02BE01", dosage: "1 dose-poids de 22 kg toutes les 6 heures si fièvre ou douleur.", quantity: box(1, "flacon(s) de 100 mL") },
      ],
      dispenses: [{ line: 0, date: on("2024-02-05", 19) }, { line: 1, date: on("2024-02-05", 19) }],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.nadiaActive,
      patient: "nadia",
      requester: "girard",
      authoredOn: nadiaRenewal,
      validUntil: defaultValidityDay(nadiaRenewal, 6),
      status: "active",
      title: "Ordonnance - migraine",
      lines: [
        { medication: "Propranolol 40 mg, comprimé sécable", atc: "C07AA05", dosage: "2 comprimés le soir.", quantity: box(2, "boîte(s) de 50 comprimés"), repeats: 5, supplyDays: 50 },
        { medication: "Zolmitriptan 2,5 mg, comprimé orodispersible", atc: "N02CC03", dosage: "1 comprimé dès le début de la céphalée, à renouveler après 2 heures si besoin, 2 par jour au maximum.", quantity: box(1, "boîte(s) de 6 comprimés"), repeats: 5 },
        { medication: "Cholécalciférol 50 000 UI, solution buvable en ampoule", atc: "A11CC05", dosage: "1 ampoule par mois pendant 6 mois.", quantity: box(6, "ampoule(s)") },
      ],
      dispenses: [],
    },
    {
      prescriptionId: PRESCRIPTION_IDS.nadiaDispensed,
      patient: "nadia",
      requester: "girard",
      authoredOn: on("2019-09-23", 11),
      validUntil: defaultValidityDay(on("2019-09-23", 11), 3),
      status: "completed",
      title: "Ordonnance - carence martiale et migraine",
      lines: [
        { medication: "Sulfate ferreux 80 mg, comprimé à libération prolongée", atc: "B03AA07", dosage: "1 comprimé le matin à jeun pendant 3 mois.", quantity: box(3, "boîte(s) de 30 comprimés") },
        { medication: "Sumatriptan 50 mg, comprimé pelliculé", atc: "N02CC01", dosage: "1 comprimé dès le début de la crise, 2 par jour au maximum.", quantity: box(1, "boîte(s) de 6 comprimés") },
      ],
      dispenses: [{ line: 0, date: on("2019-09-24", 9) }, { line: 1, date: on("2019-09-24", 9) }],
    },
  ];
}
