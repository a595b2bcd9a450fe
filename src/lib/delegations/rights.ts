import type { Scope } from "@/server/access/scopes";

/**
 * The rights a patient can give a caregiver, in the words of the page. The order is the page's.
 * There is deliberately no right to manage delegations (scopes.ts says why).
 */
export const RIGHT_LABELS: Record<Scope, string> = {
  "documents:read": "voir mes documents",
  "documents:write": "ajouter des documents",
  "prescriptions:read": "voir mes ordonnances",
  "prescriptions:share": "envoyer une ordonnance à une pharmacie",
  "record:read": "voir mes vaccinations et antécédents",
  "audit:read": "voir qui a consulté mon dossier",
  // Managing the sharing settings includes seeing who looked at the record (decide.ts says why).
  "privacy:manage": "gérer mes réglages de partage (et voir qui a consulté mon dossier)",
  "messages:write": "écrire à mes professionnels de santé en mon nom",
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

export function rightsInWords(scopes: Iterable<string>): string {
  const words = [...scopes].filter((s): s is Scope => s in RIGHT_LABELS).map((s) => RIGHT_LABELS[s]);
  return words.length > 0 ? words.join(", ") : "aucun droit";
}
