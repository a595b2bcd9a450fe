/**
 * The family ties of HL7 v3 RoleCode (RelatedPerson.relationship) in French. The codings' own
 * display is English ("natural daughter", "mother"), so a person is never shown it; a code not
 * listed here is left out rather than shown in English.
 */
const LABELS: Readonly<Record<string, string>> = {
  GUARD: "représentant légal",
  MTH: "mère",
  NMTH: "mère",
  FTH: "père",
  NFTH: "père",
  PRN: "parent",
  NPRN: "parent",
  STPMTH: "belle-mère",
  STPFTH: "beau-père",
  DAU: "fille",
  DAUC: "fille",
  DAUADOPT: "fille adoptive",
  SON: "fils",
  SONC: "fils",
  SONADOPT: "fils adoptif",
  CHILD: "enfant",
  NCHILD: "enfant",
  CHLDADOPT: "enfant adopté",
  STPDAU: "belle-fille",
  STPSON: "beau-fils",
  SIS: "sœur",
  NSIS: "sœur",
  BRO: "frère",
  NBRO: "frère",
  SIB: "frère ou sœur",
  HUSB: "mari",
  WIFE: "épouse",
  SPS: "conjoint",
  DOMPART: "partenaire",
  GRMTH: "grand-mère",
  GRFTH: "grand-père",
  GRPRN: "grand-parent",
  GRNDDAU: "petite-fille",
  GRNDSON: "petit-fils",
  GRNDCHILD: "petit-enfant",
  AUNT: "tante",
  UNCLE: "oncle",
  NIECE: "nièce",
  NEPHEW: "neveu",
  COUSN: "cousin ou cousine",
  FAMMEM: "membre de la famille",
  FRND: "ami ou amie",
  NBOR: "voisin ou voisine",
};

/**
 * Ties that say the related person's sex (RelatedPerson.relationship names what the related
 * person is to the patient: MTH, she is the mother), for the one word that agrees with it.
 */
const FEMALE_TIES = new Set(["MTH", "NMTH", "STPMTH", "DAU", "DAUC", "DAUADOPT", "STPDAU", "SIS", "NSIS", "WIFE", "GRMTH", "GRNDDAU", "AUNT", "NIECE"]);
const MALE_TIES = new Set(["FTH", "NFTH", "STPFTH", "SON", "SONC", "SONADOPT", "STPSON", "BRO", "NBRO", "HUSB", "GRFTH", "GRNDSON", "UNCLE", "NEPHEW"]);

/** The related person's sex as her family ties say it, if one does. */
export function sexOfTies(codes: readonly (string | undefined)[]): "female" | "male" | undefined {
  if (codes.some((code) => code !== undefined && FEMALE_TIES.has(code))) return "female";
  if (codes.some((code) => code !== undefined && MALE_TIES.has(code))) return "male";
  return undefined;
}

/**
 * « représentante légale » for a woman: the stored label (and GUARD's word above) is the
 * masculine, which called a mother « Représentant légal » (seen in the browser). Without a
 * known sex, the masculine, the law's own generic word.
 */
export function guardianLabel(sex: "female" | "male" | undefined): string {
  return sex === "female" ? "représentante légale" : "représentant légal";
}

/** The French word for a v3 RoleCode, undefined for one not listed. */
export function relationshipLabel(code: string | undefined): string | undefined {
  return code === undefined ? undefined : LABELS[code];
}
