import type { Voice } from "@/lib/i18n/voice";
import type { Scope } from "@/server/access/scopes";

/**
 * Who speaks of a right, to whom: the patient herself, who gives it (« voir mes documents »: the
 * form's boxes, her list of the people acting for her); the portal to the patient (« voir vos
 * documents »: the sharing page's glance); or to someone acting for her, about her (« voir ses
 * documents »: the invitation, the banner, the spaces a caregiver acts in).
 */
export type RightsVoice = "mine" | "yours" | "theirs";

/**
 * The rights a patient can give a caregiver, in the words of the page, in each voice: one place
 * for all, so that a right is never worded one way for one reader and otherwise for another.
 * The order is the page's. There is deliberately no right to manage delegations (scopes.ts says why).
 */
export const RIGHT_WORDS: Record<Scope, Record<RightsVoice, string>> = {
  "documents:read": { mine: "voir mes documents", yours: "voir vos documents", theirs: "voir ses documents" },
  "documents:write": { mine: "ajouter des documents", yours: "ajouter des documents", theirs: "ajouter des documents à son dossier" },
  "prescriptions:read": { mine: "voir mes ordonnances", yours: "voir vos ordonnances", theirs: "voir ses ordonnances" },
  "prescriptions:share": { mine: "envoyer une ordonnance à une pharmacie", yours: "envoyer une ordonnance à une pharmacie", theirs: "envoyer une de ses ordonnances à une pharmacie" },
  "record:read": { mine: "voir mes vaccinations et antécédents", yours: "voir vos vaccinations et antécédents", theirs: "voir ses vaccinations et antécédents" },
  "audit:read": { mine: "voir qui a consulté mon dossier", yours: "voir qui a consulté votre dossier", theirs: "voir qui a consulté son dossier" },
  // Managing the sharing settings includes seeing who looked at the record (decide.ts says why).
  "privacy:manage": {
    mine: "gérer mes réglages de partage (et voir qui a consulté mon dossier)",
    yours: "gérer vos réglages de partage (et voir qui a consulté votre dossier)",
    theirs: "gérer ses réglages de partage (et voir qui a consulté son dossier)",
  },
  "messages:write": {
    mine: "écrire à mes professionnels de santé en mon nom",
    yours: "écrire en votre nom à vos professionnels de santé",
    theirs: "écrire à ses professionnels de santé en son nom",
  },
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

/**
 * The ties that make no sense for a child, the person whose space a guardian manages (a
 * guardianship is a minor's: it ends by itself at majority, access/rules.ts): a child has no
 * spouse, no child old enough to act for them, and a child's own friend is a child; a family
 * friend is « Autre proche ». Parent, sibling, professional carer and other relative remain.
 */
const NOT_FOR_A_CHILD: ReadonlySet<Relationship> = new Set<Relationship>(["conjoint", "enfant", "ami"]);

/** The ties offered, and accepted, when inviting someone into this space: all in one's own, fewer in a child's. */
export function relationshipsFor(childSpace: boolean): Relationship[] {
  const all = Object.keys(RELATIONSHIPS) as Relationship[];
  return childSpace ? all.filter((tie) => !NOT_FOR_A_CHILD.has(tie)) : all;
}

/** The rights in a sentence, in one voice: « voir ses documents, ajouter des documents à son dossier ». */
export function rightsInWords(scopes: Iterable<string>, voice: RightsVoice): string {
  const words = [...scopes].filter((s): s is Scope => s in RIGHT_WORDS).map((s) => RIGHT_WORDS[s][voice]);
  return words.length > 0 ? words.join(", ") : "aucun droit";
}

/**
 * The voice of the rights where they are given and listed (the form's boxes, the people acting
 * for the space): the patient's own words (« voir mes documents »), or, to a guardian managing a
 * child's space, about the child (« voir ses documents »).
 */
export function givenRightsVoice(voice: Voice): RightsVoice {
  return voice === "yours" ? "mine" : "theirs";
}
