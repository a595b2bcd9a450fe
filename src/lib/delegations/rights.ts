import type { Scope } from "@/server/access/scopes";

/**
 * Who reads a right: the patient who gives it, in her own words (« voir mes documents »), or the
 * caregiver who holds it, about the person she acts for (« voir ses documents »).
 */
export type RightsReader = "patient" | "caregiver";

/**
 * The rights a patient can give a caregiver, in the words of the page, each as the patient and
 * as the caregiver read it: one place for both, so a right is never worded one way for one and
 * another way for the other. The order is the page's.
 * There is deliberately no right to manage delegations (scopes.ts says why).
 */
export const RIGHT_WORDS: Record<Scope, Record<RightsReader, string>> = {
  "documents:read": { patient: "voir mes documents", caregiver: "voir ses documents" },
  "documents:write": { patient: "ajouter des documents", caregiver: "ajouter des documents à son dossier" },
  "prescriptions:read": { patient: "voir mes ordonnances", caregiver: "voir ses ordonnances" },
  "prescriptions:share": { patient: "envoyer une ordonnance à une pharmacie", caregiver: "envoyer une de ses ordonnances à une pharmacie" },
  "record:read": { patient: "voir mes vaccinations et antécédents", caregiver: "voir ses vaccinations et antécédents" },
  "audit:read": { patient: "voir qui a consulté mon dossier", caregiver: "voir qui a consulté son dossier" },
  // Managing the sharing settings includes seeing who looked at the record (decide.ts says why).
  "privacy:manage": {
    patient: "gérer mes réglages de partage (et voir qui a consulté mon dossier)",
    caregiver: "gérer ses réglages de partage (et voir qui a consulté son dossier)",
  },
  "messages:write": { patient: "écrire à mes professionnels de santé en mon nom", caregiver: "écrire à ses professionnels de santé en son nom" },
};

export const RELATIONSHIPS = {
  conjoint: "Conjoint ou conjointe",
  enfant: "Enfant",
  parent: "Parent",
  "frere-soeur": "Frère ou sœur",
  ami: "Ami ou amie",
  aidant: "Aidant professionnel",
  autre: "Autre proche",
} as const;

export type Relationship = keyof typeof RELATIONSHIPS;

/** The rights in a sentence, as `reader` reads them: « voir ses documents, ajouter des documents à son dossier ». */
export function rightsInWords(scopes: Iterable<string>, reader: RightsReader): string {
  const words = [...scopes].filter((s): s is Scope => s in RIGHT_WORDS).map((s) => RIGHT_WORDS[s][reader]);
  return words.length > 0 ? words.join(", ") : "aucun droit";
}
