import { SYSTEMS } from "@/lib/fhir/systems";
import type { ConditionKind, ProcedureKind, VaccineKind } from "./types";

/**
 * The codes the engine recognises in a record. ATC (WHO) is what French vaccine packs carry;
 * CVX is what the demo data and many imported records use; conditions are SNOMED CT;
 * screenings are LOINC or SNOMED CT. Our own code system names the check-ups that have no
 * standard code a French record would carry.
 */
export const ATC_SYSTEM = SYSTEMS.atc;
export const CVX_SYSTEM = "http://hl7.org/fhir/sid/cvx";
export const SNOMED_SYSTEM = "http://snomed.info/sct";
export const LOINC_SYSTEM = "http://loinc.org";
export const PREVENTION_SYSTEM = "https://espace-sante.example/fhir/CodeSystem/prevention";

export const ATC_VACCINES: Readonly<Record<string, VaccineKind>> = {
  J07CA09: "hexa",
  J07CA02: "dtcap",
  J07CA01: "dtp",
  J07AM51: "dtp", // tetanus with diphtheria toxoid (dT without polio), still counts for the booster
  // Pertussis with diphtheria and tetanus toxoids, without polio (dTca: Boostrix): a pertussis dose,
  // and a diphtheria-tetanus booster, as the dTcaP vaccines are.
  J07AJ51: "dtcap",
  J07AJ52: "dtcap",
  J07AL02: "pcv",
  J07AH09: "menb",
  J07AH08: "menacwy",
  J07AH07: "menc",
  J07BH01: "rota1", // rotavirus, live attenuated (Rotarix)
  J07BH02: "rota5", // rotavirus, pentavalent, live reassorted (RotaTeq)
  J07BD52: "ror",
  J07BD54: "ror", // measles, mumps, rubella and varicella (MMRV): counts as an MMR dose
  J07BM03: "hpv",
  J07BM02: "hpv",
  J07BB02: "flu",
  J07BB01: "flu",
  J07BB03: "flu",
  J07BN01: "covid", // mRNA
  J07BN02: "covid", // viral vector
  J07BN03: "covid", // inactivated virus
  J07BN04: "covid", // protein subunit (Nuvaxovid)
  J07BK03: "zoster",
  J07BX05: "rsv",
  // Nirsevimab (Beyfortus), a monoclonal antibody (ATC J06BD08, as its leaflet gives it): not a
  // vaccine, but what the infant's RSV item counts (types.ts).
  J06BD08: "nirsevimab",
};

/** CVX codes: the demo data's (src/lib/fhir/builders/record.ts) and their usual siblings. */
export const CVX_VACCINES: Readonly<Record<string, VaccineKind>> = {
  "146": "hexa",
  "130": "dtcap", "120": "dtcap", "115": "dtcap", "20": "dtcap", "106": "dtcap", "107": "dtcap",
  "138": "dtp", "113": "dtp", "09": "dtp", "139": "dtp",
  "133": "pcv", "100": "pcv", "152": "pcv", "215": "pcv", "216": "pcv",
  "162": "menb", "163": "menb", "164": "menb",
  "114": "menacwy", "136": "menacwy", "147": "menacwy", "203": "menacwy", "108": "menacwy",
  "103": "menc",
  // Rotavirus: 119 monovalent, 116 pentavalent; 122 (formulation unknown) counts as a dose of the
  // two-dose series, which asks nothing more of the family than the record shows.
  "119": "rota1", "122": "rota1", "116": "rota5",
  "03": "ror", "3": "ror", "94": "ror",
  "165": "hpv", "62": "hpv", "118": "hpv", "137": "hpv",
  "150": "flu", "88": "flu", "140": "flu", "141": "flu", "158": "flu", "161": "flu", "171": "flu", "185": "flu", "186": "flu", "197": "flu", "205": "flu",
  "208": "covid", "207": "covid", "210": "covid", "211": "covid", "212": "covid", "213": "covid", "217": "covid", "218": "covid", "219": "covid",
  "221": "covid", "228": "covid", "229": "covid", "230": "covid", "300": "covid", "301": "covid", "302": "covid", "309": "covid", "310": "covid",
  "311": "covid", "312": "covid", "313": "covid",
  "187": "zoster",
  "303": "rsv", "304": "rsv", "305": "rsv",
  // 306 and 307 are nirsevimab's 0.5 mL and 1 mL doses (« RSV, mAb, nirsevimab-alip … neonate to
  // 24 months »), an infant's antibody: 306 was read as an RSV vaccine, for the adults' item.
  "306": "nirsevimab", "307": "nirsevimab",
};

export const SNOMED_CONDITIONS: Readonly<Record<string, ConditionKind>> = {
  "195967001": "asthma",
  "370221004": "severe-asthma",
  "13645005": "copd",
  "44054006": "diabetes",
  "46635009": "diabetes", // type 1
  "73211009": "diabetes", // diabetes mellitus
  "84114007": "heart-failure",
  "370388006": "immunocompromised",
  "77386006": "pregnancy",
};

export const PROCEDURE_CODES: Readonly<Record<string, Readonly<Record<string, ProcedureKind>>>> = {
  [LOINC_SYSTEM]: { "24606-6": "mammography", "29771-3": "fit", "10524-7": "cytology", "21440-3": "hpv-test" },
  [SNOMED_SYSTEM]: { "73761001": "colonoscopy" },
  [PREVENTION_SYSTEM]: { "bilan-prevention": "bilan", "examen-enfant": "child-exam", "examen-bucco-dentaire": "dental" },
};

/** The code written when a person records a procedure ("C'est fait"): the first code that means it. */
export function codingForProcedure(kind: ProcedureKind): { system: string; code: string } {
  for (const [system, codes] of Object.entries(PROCEDURE_CODES)) {
    for (const [code, value] of Object.entries(codes)) if (value === kind) return { system, code };
  }
  return { system: PREVENTION_SYSTEM, code: kind };
}

export function vaccineKindOf(coding: { system?: string; code?: string }): VaccineKind | undefined {
  if (!coding.code) return undefined;
  if (coding.system === ATC_SYSTEM) return ATC_VACCINES[coding.code];
  if (coding.system === CVX_SYSTEM) return CVX_VACCINES[coding.code];
  return undefined;
}
