import type { VaccineKind } from "./types";

/**
 * Vaccines sold in France that a person may add to their vaccination record, with the ATC code
 * written into Immunization.vaccineCode (what the engine reads). Brand names are what people
 * find on their certificates and boxes.
 */
export type VaccineProduct = { id: string; name: string; atc: string; kind: VaccineKind; disease: string };

export const VACCINE_PRODUCTS: readonly VaccineProduct[] = [
  { id: "infanrix-hexa", name: "Infanrix Hexa", atc: "J07CA09", kind: "hexa", disease: "Hexavalent (diphtérie, tétanos, coqueluche, polio, Haemophilus, hépatite B)" },
  { id: "hexyon", name: "Hexyon", atc: "J07CA09", kind: "hexa", disease: "Hexavalent (diphtérie, tétanos, coqueluche, polio, Haemophilus, hépatite B)" },
  { id: "vaxelis", name: "Vaxelis", atc: "J07CA09", kind: "hexa", disease: "Hexavalent (diphtérie, tétanos, coqueluche, polio, Haemophilus, hépatite B)" },
  { id: "tetravac", name: "Tetravac-acellulaire", atc: "J07CA02", kind: "dtcap", disease: "Diphtérie, tétanos, coqueluche, polio (DTCaP)" },
  { id: "repevax", name: "Repevax", atc: "J07CA02", kind: "dtcap", disease: "Diphtérie, tétanos, coqueluche, polio (dTcaP)" },
  { id: "boostrixtetra", name: "Boostrixtetra", atc: "J07CA02", kind: "dtcap", disease: "Diphtérie, tétanos, coqueluche, polio (dTcaP)" },
  { id: "revaxis", name: "Revaxis", atc: "J07CA01", kind: "dtp", disease: "Diphtérie, tétanos, polio (dTP)" },
  { id: "prevenar-13", name: "Prevenar 13", atc: "J07AL02", kind: "pcv", disease: "Pneumocoque (conjugué)" },
  { id: "vaxneuvance", name: "Vaxneuvance", atc: "J07AL02", kind: "pcv", disease: "Pneumocoque (conjugué)" },
  { id: "prevenar-20", name: "Prevenar 20", atc: "J07AL02", kind: "pcv", disease: "Pneumocoque (conjugué 20-valent)" },
  { id: "bexsero", name: "Bexsero", atc: "J07AH09", kind: "menb", disease: "Méningocoque B" },
  { id: "trumenba", name: "Trumenba", atc: "J07AH09", kind: "menb", disease: "Méningocoque B" },
  { id: "rotarix", name: "Rotarix", atc: "J07BH01", kind: "rota1", disease: "Rotavirus" },
  { id: "rotateq", name: "RotaTeq", atc: "J07BH02", kind: "rota5", disease: "Rotavirus" },
  { id: "nimenrix", name: "Nimenrix", atc: "J07AH08", kind: "menacwy", disease: "Méningocoques ACWY" },
  { id: "menquadfi", name: "MenQuadfi", atc: "J07AH08", kind: "menacwy", disease: "Méningocoques ACWY" },
  { id: "neisvac-c", name: "Neisvac", atc: "J07AH07", kind: "menc", disease: "Méningocoque C" },
  { id: "priorix", name: "Priorix", atc: "J07BD52", kind: "ror", disease: "Rougeole, oreillons, rubéole (ROR)" },
  { id: "mmrvaxpro", name: "M-M-RvaxPro", atc: "J07BD52", kind: "ror", disease: "Rougeole, oreillons, rubéole (ROR)" },
  { id: "gardasil-9", name: "Gardasil 9", atc: "J07BM03", kind: "hpv", disease: "Papillomavirus (HPV)" },
  { id: "vaxigrip", name: "VaxigripTetra", atc: "J07BB02", kind: "flu", disease: "Grippe saisonnière" },
  { id: "influvac", name: "Influvac Tetra", atc: "J07BB02", kind: "flu", disease: "Grippe saisonnière" },
  { id: "efluelda", name: "Efluelda", atc: "J07BB02", kind: "flu", disease: "Grippe saisonnière (forte dose, 65 ans et plus)" },
  // The live vaccine sprayed in the nose that the HAS prefers for children of 2 to 17 years
  // (fr-2025-sources.ts, GRIPPE_ENFANTS): ATC J07BB03, live attenuated influenza vaccine.
  { id: "fluenz", name: "Fluenz", atc: "J07BB03", kind: "flu", disease: "Grippe saisonnière (vaccin nasal, enfants de 2 à 17 ans)" },
  { id: "comirnaty", name: "Comirnaty", atc: "J07BN01", kind: "covid", disease: "COVID-19" },
  { id: "shingrix", name: "Shingrix", atc: "J07BK03", kind: "zoster", disease: "Zona" },
  { id: "arexvy", name: "Arexvy", atc: "J07BX05", kind: "rsv", disease: "Virus respiratoire syncytial (VRS)" },
  { id: "abrysvo", name: "Abrysvo", atc: "J07BX05", kind: "rsv", disease: "Virus respiratoire syncytial (VRS)" },
  // Not a vaccine: an antibody given to infants against RSV (bronchiolitis), which the carnet de
  // santé records with the immunisations; the words say what it is.
  { id: "beyfortus", name: "Beyfortus", atc: "J06BD08", kind: "nirsevimab", disease: "Anticorps nirsévimab contre la bronchiolite à VRS, pas un vaccin" },
];

/** The ATC code of a kind of vaccine (the first product of that kind: they share it). */
export function productForKind(kind: VaccineKind): VaccineProduct | undefined {
  return VACCINE_PRODUCTS.find((p) => p.kind === kind);
}

/**
 * What "C'est fait" records when the person does not say which vaccine: the kind's ATC code (what
 * the engine reads) and what it protects against, and no brand. It recorded the first product of
 * the kind, a brand the person never named: a pregnant woman's pertussis dose, or a teenager's
 * booster at 11, read « Tetravac-acellulaire », the vaccine of a 6-year-old (full-dose diphtheria,
 * DTCaP), where adults and teenagers get a dTcaP. Where the products of a kind name their doses
 * apart, the words common to them.
 */
const DECLARED_DISEASE: Partial<Record<VaccineKind, string>> = {
  dtcap: "Diphtérie, tétanos, coqueluche, polio",
  pcv: "Pneumocoque (conjugué)",
  flu: "Grippe saisonnière",
};

export function declaredProductOfKind(kind: VaccineKind): VaccineProduct | undefined {
  const first = productForKind(kind);
  return first && { id: `declared-${kind}`, name: "", atc: first.atc, kind, disease: DECLARED_DISEASE[kind] ?? first.disease };
}
