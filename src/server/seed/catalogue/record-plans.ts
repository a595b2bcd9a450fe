import type { AllergyIntolerance, Condition, Immunization, Observation } from "@medplum/fhirtypes";
import { stableId } from "@/lib/fhir/builders/ids";
import { ORGANIZATION_IDS, PATIENT_IDS, PRACTITIONER_IDS, type PatientPersona } from "@/lib/demo/personas";
import { aBloodPressure, aCondition, anAllergy, anImmunization, anObservation, CONDITIONS, VACCINES, type VaccineCode } from "@/lib/fhir/builders/record";
import { bodyMassIndex } from "@/server/children/growth-measures";
import { growthObservation } from "@/server/children/growth-observation";
import { daysAgo, frDate, on, type DocumentPlan, type SeedClock } from "./plan";

/**
 * The clinical summary of each persona: vaccinations (with one overdue booster: Jean's dTP,
 * due at 75 in June 2025), conditions, the penicillin allergy, Jean's HbA1c and blood pressure.
 */
type Shot = { vaccine: VaccineCode; day: string; dose?: number; lot: string; by: string };

const pharmacy = `Organization/${ORGANIZATION_IDS.pharmacy}`;
const bernard = `Practitioner/${PRACTITIONER_IDS.bernard}`;
const garnier = `Practitioner/${PRACTITIONER_IDS.garnier}`;
const flu = (year: number, day: string, by = pharmacy): Shot => ({ vaccine: VACCINES.flu, day: `${year}-${day}`, lot: `VX${year}F${day.replace("-", "")}`, by });

const SHOTS: Record<PatientPersona, Shot[]> = {
  camille: [
    { vaccine: VACCINES.dtp, day: "2010-04-12", lot: "RE2010A", by: bernard },
    ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => flu(year, "10-21", year === 2025 ? bernard : pharmacy)),
    { vaccine: VACCINES.covid, day: "2021-05-10", dose: 1, lot: "FE8162", by: pharmacy },
    { vaccine: VACCINES.covid, day: "2021-06-21", dose: 2, lot: "FF2382", by: pharmacy },
    { vaccine: VACCINES.covid, day: "2021-12-20", dose: 3, lot: "FK0112", by: pharmacy },
  ],
  jean: [
    // The booster due at 75 (June 2025) has not been given: overdue.
    { vaccine: VACCINES.dtp, day: "2015-06-15", lot: "RE2015J", by: bernard },
    ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => flu(year, "10-14", year === 2020 ? bernard : pharmacy)),
    { vaccine: VACCINES.covid, day: "2021-03-08", dose: 1, lot: "EW2239", by: bernard },
    { vaccine: VACCINES.covid, day: "2021-04-06", dose: 2, lot: "ER1741", by: bernard },
    { vaccine: VACCINES.covid, day: "2021-10-18", dose: 3, lot: "FG3527", by: pharmacy },
    { vaccine: VACCINES.covidXbb, day: "2023-10-16", dose: 4, lot: "HH7281", by: pharmacy },
    { vaccine: VACCINES.pneumo20, day: "2022-11-07", lot: "PN20K11", by: bernard },
  ],
  leo: [
    ...["2016-11-10", "2017-01-10", "2017-08-10"].map((day, i) => ({ vaccine: VACCINES.hexavalent, day, dose: i + 1, lot: `HX${day.slice(2, 4)}${i}`, by: garnier })),
    ...["2016-11-10", "2017-01-10", "2017-08-10"].map((day, i) => ({ vaccine: VACCINES.pneumo13, day, dose: i + 1, lot: `PN${day.slice(2, 4)}${i}`, by: garnier })),
    { vaccine: VACCINES.menC, day: "2017-02-10", dose: 1, lot: "MC1702", by: garnier },
    { vaccine: VACCINES.menC, day: "2017-09-12", dose: 2, lot: "MC1709", by: garnier },
    { vaccine: VACCINES.ror, day: "2017-09-12", dose: 1, lot: "RR1709", by: garnier },
    { vaccine: VACCINES.ror, day: "2018-03-12", dose: 2, lot: "RR1803", by: garnier },
    { vaccine: VACCINES.dtcap, day: "2022-09-19", lot: "TC2209", by: garnier },
  ],
  nadia: [
    { vaccine: VACCINES.dtp, day: "2017-12-04", lot: "RE2017N", by: pharmacy },
    { vaccine: VACCINES.covid, day: "2021-06-14", dose: 1, lot: "FC3143", by: pharmacy },
    { vaccine: VACCINES.covid, day: "2021-07-19", dose: 2, lot: "FD0809", by: pharmacy },
  ],
};

export function immunizations(): Immunization[] {
  return (Object.entries(SHOTS) as [PatientPersona, Shot[]][]).flatMap(([patient, shots]) =>
    shots.map((shot) =>
      anImmunization({
        id: stableId(`${patient}/immunization/${shot.vaccine.cvx}/${shot.day}`),
        patientId: PATIENT_IDS[patient],
        vaccine: shot.vaccine,
        date: on(shot.day, 10),
        lot: shot.lot,
        doseNumber: shot.dose,
        performer: shot.by,
      }),
    ),
  );
}

export function conditions(): Condition[] {
  const list: [PatientPersona, keyof typeof CONDITIONS, string, boolean][] = [
    ["camille", "asthma", "2001-05-01", true],
    ["camille", "allergicRhinitis", "2005-04-01", true],
    ["jean", "diabetes2", "2008-03-01", true],
    ["jean", "hypertension", "2012-09-01", true],
    ["jean", "dyslipidaemia", "2012-09-01", true],
    ["nadia", "migraine", "2008-01-01", true],
    ["leo", "otitis", "2024-02-05", false],
  ];
  return list.map(([patient, code, onset, active]) =>
    aCondition({
      id: stableId(`${patient}/condition/${code}`),
      patientId: PATIENT_IDS[patient],
      condition: CONDITIONS[code],
      onset: on(onset),
      recorded: active ? on(onset) : on("2024-02-12"),
      recorderId: patient === "leo" ? PRACTITIONER_IDS.garnier : patient === "nadia" ? PRACTITIONER_IDS.girard : PRACTITIONER_IDS.bernard,
      active,
    }),
  );
}

export function allergies(): AllergyIntolerance[] {
  return [
    anAllergy({
      id: stableId("camille/allergy/penicillin"),
      patientId: PATIENT_IDS.camille,
      reaction: "Urticaire généralisée et œdème des lèvres en 2003 après une prise d'amoxicilline.",
      criticality: "high",
      recorded: on("2019-02-11"),
      recorderId: PRACTITIONER_IDS.bernard,
    }),
  ];
}

const HBA1C: [string, number][] = [
  ["2019-01-14", 7.4], ["2019-10-21", 7.8], ["2020-09-14", 8.1], ["2021-06-07", 7.6],
  ["2022-04-19", 7.2], ["2023-03-13", 7.5], ["2024-06-10", 7.0], ["2025-05-19", 7.1],
];
const BLOOD_PRESSURE: [string, number, number][] = [
  ["2019-01-21", 148, 86], ["2019-10-07", 142, 84], ["2020-09-28", 138, 82], ["2022-04-25", 132, 78], ["2024-06-17", 134, 80], ["2025-11-17", 131, 78],
];

export function observations(clock: SeedClock): Observation[] {
  const lab = `Organization/${ORGANIZATION_IDS.lab}`;
  const hba1c = [...HBA1C, [daysAgo(clock, 21).slice(0, 10), 6.9] as [string, number]].map(([day, value]) =>
    anObservation({ id: stableId(`jean/hba1c/${day}`), patientId: PATIENT_IDS.jean, value, date: on(day, 7), performer: lab, referenceRange: { low: 4, high: 6 } }),
  );
  const pressure = [...BLOOD_PRESSURE, [daysAgo(clock, 14).slice(0, 10), 130, 78] as [string, number, number]].map(([day, systolic, diastolic]) =>
    aBloodPressure({ id: stableId(`jean/bp/${day}`), patientId: PATIENT_IDS.jean, systolic, diastolic, date: on(day, 16), performer: day === "2019-10-07" || day === "2025-11-17" ? `Practitioner/${PRACTITIONER_IDS.petit}` : bernard }),
  );
  return [...hba1c, ...pressure, ...leoGrowth()];
}

/**
 * Léo's growth, measured by his paediatrician at the carnet's check-ups (demo values, close to
 * the median of the reference curves): weight (kg), height (cm), head circumference (cm).
 */
const LEO_GROWTH: [string, number, number, number | undefined][] = [
  ["2016-09-10", 3.4, 50, 34.5],
  ["2016-10-10", 4.5, 54.5, 37.4],
  ["2017-03-10", 7.9, 67.5, 43.4],
  ["2017-09-11", 9.7, 75.6, 46.2],
  ["2018-09-10", 12.4, 87.6, 48.6],
  ["2019-09-10", 14.5, 96.2, 49.8],
  ["2021-09-13", 18.6, 110.5, 51.6],
  ["2023-09-11", 23.2, 122.4, undefined],
  ["2025-09-08", 28.4, 133.6, undefined],
];

function leoGrowth(): Observation[] {
  const garnierRef = `Practitioner/${PRACTITIONER_IDS.garnier}`;
  return LEO_GROWTH.flatMap(([day, weight, height, head]) => {
    const at = (measure: "weight" | "height" | "ofc" | "bmi", value: number) => ({ ...growthObservation(PATIENT_IDS.leo, measure, value, day, garnierRef), id: stableId(`leo/growth/${measure}/${day}`) });
    return [at("weight", weight), at("height", height), at("bmi", bodyMassIndex(weight, height)), ...(head === undefined ? [] : [at("ofc", head)])];
  });
}

/** Vaccination certificates in the documents: what the personas would download or scan. */
export function vaccinationDocuments(): { patient: PatientPersona; plan: DocumentPlan }[] {
  const certificate = (patient: PatientPersona, key: string, title: string, day: string, author: DocumentPlan["author"], shots: Shot[], note: string) => ({ patient, plan: {
    key,
    kind: "vaccination",
    title,
    date: on(day, 11),
    author,
    custodian: author === "garnier" ? "hospital" : "pharmacy",
    uploader: patient === "leo" ? "camille" : undefined,
    sections: [
      {
        heading: "Vaccinations réalisées",
        table: {
          columns: [{ label: "Date", width: 1.3 }, { label: "Vaccin", width: 3.6 }, { label: "Dose", width: 0.8, align: "right" }, { label: "Lot", width: 1.3 }],
          rows: shots.map((shot) => [frDate(shot.day), shot.vaccine.label, shot.dose ? String(shot.dose) : "rappel", shot.lot]),
        },
      },
      { heading: "Observations", paragraphs: [note] },
    ],
  } satisfies DocumentPlan });
  const covid = (patient: PatientPersona) => SHOTS[patient].filter((shot) => shot.vaccine === VACCINES.covid);
  return [
    certificate("camille", "covid-certificate", "Certificat de vaccination COVID-19", "2021-12-20", "patient", covid("camille"), "Schéma vaccinal complet avec rappel. Certificat généré par le téléservice de l'Assurance Maladie et enregistré par la patiente."),
    certificate("camille", "flu-2025", "Attestation de vaccination antigrippale 2025-2026", "2025-10-21", "bernard", SHOTS.camille.filter((s) => s.day === "2025-10-21"), "Vaccination recommandée chaque année en raison de l'asthme. Pas de réaction locale ou générale dans le quart d'heure qui a suivi."),
    certificate("jean", "covid-certificate", "Certificat de vaccination COVID-19", "2021-10-18", "bernard", covid("jean"), "Schéma vaccinal complet et premier rappel. Rappels annuels recommandés à partir de 65 ans."),
    certificate("jean", "pneumo-2022", "Attestation de vaccination contre le pneumocoque", "2022-11-07", "bernard", SHOTS.jean.filter((s) => s.vaccine === VACCINES.pneumo20), "Vaccin conjugué 20-valent, dose unique recommandée chez le patient diabétique. Aucun rappel nécessaire."),
    certificate("leo", "vaccination-record", "Certificat de vaccinations de l'enfant", "2022-09-19", "garnier", SHOTS.leo, "Vaccinations à jour selon le calendrier vaccinal. Prochain rappel diphtérie-tétanos-coqueluche-poliomyélite entre 11 et 13 ans."),
    certificate("nadia", "covid-certificate", "Certificat de vaccination COVID-19", "2021-07-19", "patient", covid("nadia"), "Schéma vaccinal complet. Certificat enregistré par la patiente."),
  ];
}
