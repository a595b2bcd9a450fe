import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { agentRef, type Actor } from "./actor";
import { canonical } from "./canonical-json";
import type { OwnPlaces } from "./live-roles";

/**
 * What a document says of where it comes from: who wrote it (author), which establishment keeps
 * it (custodian) and who vouched for it (authenticator). The professional's view shows them
 * (« Ajouté depuis l'espace patient · Centre hospitalier Lyon-Sud »), and a professional reads a
 * document by who it says it comes from. Only the record system sets them freely; a professional
 * names only the establishments they practise at and themself (`own`, read from their
 * PractitionerRoles; upload-document.ts names the first); a patient, or someone acting for her, writes
 * a document that names its writer as its only author and no custodian nor authenticator. On an
 * update each of them may stay what was stored (a patient renames a hospital's report), or be
 * left out (the author is then kept, prepare-write.ts), never change. Refused rather than dropped: the server already sets the author itself (prepare-write.ts),
 * but a client that named a hospital believed it named it. Pure; `next` is the body as sent,
 * before the server sets the author. Answers the element refused, or nothing.
 */
export function documentClaimRefused(
  actor: Actor,
  next: Resource,
  stored: Resource | undefined,
  own?: OwnPlaces,
): "author" | "custodian" | "authenticator" | undefined {
  if (actor.kind === "system" || next.resourceType !== "DocumentReference") return undefined;
  const before = stored?.resourceType === "DocumentReference" ? stored : undefined;
  if (!sameAs(next.author, before?.author) && !namesOnlyWriter(next.author, agentRef(actor))) return "author";
  for (const element of ["custodian", "authenticator"] as const) {
    const claim = next[element];
    if (claim === undefined || sameAs(claim, before?.[element])) continue;
    // A professional names the establishments they practise at today (their live PractitionerRoles)
    // and themself; a document naming another hospital, or another doctor as its guarantor, showed
    // on the patient's and every other professional's pages as coming from there.
    if (actor.kind === "practitioner" && own && namesOnly(claim, element === "custodian" ? own.organizations : [own.practitioner, ...own.roles, ...own.organizations])) continue;
    return element;
  }
  return undefined;
}

/** One plain reference to one of `allowed`: no identifier nor display, which a page or a client could show instead. */
function namesOnly(claim: unknown, allowed: readonly string[]): boolean {
  if (!claim || typeof claim !== "object" || Array.isArray(claim)) return false;
  const { reference, ...rest } = claim as { reference?: unknown };
  return typeof reference === "string" && allowed.includes(reference) && Object.keys(rest).every((key) => key === "type");
}

function sameAs(value: DocumentReference[keyof DocumentReference], stored: DocumentReference[keyof DocumentReference]): boolean {
  return canonical(value ?? null) === canonical(stored ?? null);
}

/** No author, or only the writer. The body is not validated yet: anything else (a string, a null) is another claim. */
function namesOnlyWriter(authors: unknown, writer: string): boolean {
  if (authors === undefined) return true;
  return Array.isArray(authors) && authors.every((author: unknown) => isReferenceTo(author, writer));
}

function isReferenceTo(value: unknown, writer: string): boolean {
  if (!value || typeof value !== "object") return false;
  const { reference, identifier } = value as { reference?: unknown; identifier?: unknown };
  return reference === writer && identifier === undefined;
}
