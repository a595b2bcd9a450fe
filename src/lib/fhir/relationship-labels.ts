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

/** The French word for a v3 RoleCode, undefined for one not listed. */
export function relationshipLabel(code: string | undefined): string | undefined {
  return code === undefined ? undefined : LABELS[code];
}
