import "@/server/server-only";
import { spaceOf } from "../access/actor";
import type { Interaction } from "../access/facts";
import { mayReadTrail } from "../audit/may-read-trail";
import type { Repository } from "../fhir/repository";

/**
 * The parts of a space a caregiver's delegation may leave out, each the right the patient ticks
 * or not when inviting (scopes.ts). Proches, prévention and the messages are in every space: a
 * caregiver sees whom they act for, the calendar's page says itself what it cannot show, and
 * reading the messages comes with any delegation.
 */
export type SpacePart = "documents" | "prescriptions" | "privacy" | "trail" | "record" | "upload";

/** What the page showing each part reads first, asked of decide() before anything is read. */
const FIRST_READ: Record<Exclude<SpacePart, "trail">, { interaction: Interaction; resourceType: string }> = {
  documents: { interaction: "search", resourceType: "DocumentReference" },
  prescriptions: { interaction: "search", resourceType: "MedicationRequest" },
  privacy: { interaction: "search", resourceType: "Consent" },
  record: { interaction: "search", resourceType: "Immunization" },
  // Adding a document (documents:write): its form, opened from a bookmark or a typed address,
  // said « Page introuvable » where every other part says which right is missing.
  upload: { interaction: "create", resourceType: "DocumentReference" },
};

const PARTS = ["documents", "prescriptions", "privacy", "trail", "record"] as const satisfies readonly SpacePart[];

/**
 * Whether the actor's rights reach this part of the space they act in. Only a delegation leaves
 * parts out (the patient and a guardian hold them all), so no one else pays for a decision. The
 * trail is asked where the history page asks it (may-read-trail.ts), never a second way.
 */
export async function reachesPart(repo: Repository, part: SpacePart): Promise<boolean> {
  const patientId = spaceOf(repo.actor);
  if (repo.actor.kind !== "delegate" || !patientId) return true;
  if (part === "trail") return mayReadTrail(repo, patientId, "search");
  const { interaction, resourceType } = FIRST_READ[part];
  return (await repo.decideOn(interaction, { resourceType, patientId, confidentiality: "N", labels: [] })).allow;
}

/** The parts of the space the actor's delegation leaves out: the home page hides their tiles. */
export async function partsOutOfReach(repo: Repository): Promise<SpacePart[]> {
  const reached = await Promise.all(PARTS.map((part) => reachesPart(repo, part)));
  return PARTS.filter((_, i) => !reached[i]);
}
