import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { agentRef, type Actor } from "./actor";
import { canonical } from "./canonical-json";

/**
 * What a document says of where it comes from: who wrote it (author), which establishment keeps
 * it (custodian) and who vouched for it (authenticator). The professional's view shows them
 * (« Ajouté depuis l'espace patient · Centre hospitalier Lyon-Sud »), and a professional reads a
 * document by who it says it comes from. Only a professional (whose upload names their facility,
 * upload-document.ts) or the record system sets them; a patient, or someone acting for her, writes
 * a document that names its writer as its only author and no custodian nor authenticator. On an
 * update each of them may stay what was stored (a patient renames a hospital's report), or be
 * left out (the author is then kept, prepare-write.ts), never change. Refused rather than dropped: the server already sets the author itself (prepare-write.ts),
 * but a client that named a hospital believed it named it. Pure; `next` is the body as sent,
 * before the server sets the author. Answers the element refused, or nothing.
 */
export function documentClaimRefused(actor: Actor, next: Resource, stored: Resource | undefined): "author" | "custodian" | "authenticator" | undefined {
  if (actor.kind === "system" || actor.kind === "practitioner" || next.resourceType !== "DocumentReference") return undefined;
  const before = stored?.resourceType === "DocumentReference" ? stored : undefined;
  if (!sameAs(next.author, before?.author) && !namesOnlyWriter(next.author, agentRef(actor))) return "author";
  for (const element of ["custodian", "authenticator"] as const) {
    if (next[element] !== undefined && !sameAs(next[element], before?.[element])) return element;
  }
  return undefined;
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
