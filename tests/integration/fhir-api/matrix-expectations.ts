import type { ActorName, Kind, Owner, Target, TargetType } from "./matrix-world";

/**
 * What each persona may do, written as the demo's story says it, independently of decide():
 *
 * - Camille, Jean and Nadia see all of their own record, hidden and secret parts included, and
 *   nothing of anyone else's. In their own space they may add documents, rules (Consent),
 *   delegations (RelatedPerson), vaccinations and conditions; change their profile; change or
 *   delete their rules, their delegations and the documents no professional wrote.
 * - Camille as Léo's guardian does the same in Léo's record, except for what Léo keeps secret.
 * - Camille as Jean's caregiver (documents:read, prescriptions:read, prescriptions:share) reads
 *   Jean's documents, prescriptions and profile, never what he marked very restricted, and writes
 *   nothing.
 * - Dr Bernard, authorised by Camille and Jean, reads their profile, documents, prescriptions,
 *   vaccinations and conditions, except the document Camille hid and anything restricted (R)
 *   or very restricted (V); never their rules, delegations or audit trail. He may add documents,
 *   prescriptions, vaccinations and conditions to their records, and change or delete what he
 *   wrote.
 * - Dr Petit (blocked by Camille), Dr Moreau (authorised by no one) see and write nothing.
 * - Without a session, or with only a pharmacist's share-link cookie: 401.
 */
export type Interaction = "read" | "vread" | "history" | "search" | "create" | "update" | "delete";

/** The interactions the API offers per type (others answer 405 before any session is read). */
export function offered(type: TargetType, interaction: Interaction): boolean {
  if (type === "AuditEvent") return interaction === "read" || interaction === "search";
  if (type === "Patient") return interaction !== "create" && interaction !== "delete";
  return true;
}

/** The record an actor acts in, and whether as its owner (patient or guardian). */
function space(actor: ActorName): { owner: Owner; ownerLike: boolean } | undefined {
  switch (actor) {
    case "camille":
    case "jean":
    case "nadia":
      return { owner: actor, ownerLike: true };
    case "camilleForLeo":
      return { owner: "leo", ownerLike: true };
    case "camilleForJean":
      return { owner: "jean", ownerLike: false };
    default:
      return undefined;
  }
}

const CLINICAL: readonly TargetType[] = ["Patient", "DocumentReference", "MedicationRequest", "Immunization", "Condition"];
/** In the world, these documents were written by Dr Bernard or another doctor; the others by the patient. */
const WRITTEN_BY_A_PROFESSIONAL: readonly Kind[] = ["byBernard", "hidden", "restricted", "minorSecret"];
const BERNARD_PATIENTS: readonly Owner[] = ["camille", "jean"];

export function mayRead(actor: ActorName, target: Pick<Target, "owner" | "type" | "kind">): boolean {
  switch (actor) {
    case "camille":
    case "jean":
    case "nadia":
      return target.owner === actor;
    case "camilleForLeo":
      return target.owner === "leo" && target.kind !== "minorSecret";
    case "camilleForJean":
      return target.owner === "jean" && target.kind !== "secret" && ["Patient", "DocumentReference", "MedicationRequest"].includes(target.type);
    case "bernard":
      return BERNARD_PATIENTS.includes(target.owner) && CLINICAL.includes(target.type) && !["hidden", "restricted", "secret"].includes(target.kind);
    default:
      return false;
  }
}

export function mayCreate(actor: ActorName, owner: Owner, type: TargetType): boolean {
  const own = space(actor);
  if (own?.ownerLike && own.owner === owner) return ["DocumentReference", "Consent", "RelatedPerson", "Immunization", "Condition"].includes(type);
  if (actor === "bernard") return BERNARD_PATIENTS.includes(owner) && ["DocumentReference", "MedicationRequest", "Immunization", "Condition"].includes(type);
  return false;
}

export function mayChange(actor: ActorName, interaction: "update" | "delete", target: Target): boolean {
  if (!mayRead(actor, target)) return false;
  const own = space(actor);
  if (own?.ownerLike && own.owner === target.owner) {
    if (target.type === "Patient") return interaction === "update";
    if (target.type === "DocumentReference") return !WRITTEN_BY_A_PROFESSIONAL.includes(target.kind);
    // Léo's one delegation is Camille's own guardianship: nobody acting for a patient rewrites
    // or ends the tie that names them (SECURITY-CASES 40, access/agent-writes.ts).
    if (actor === "camilleForLeo" && target.type === "RelatedPerson") return false;
    return target.type === "Consent" || target.type === "RelatedPerson";
  }
  if (actor === "bernard") return target.kind === "byBernard";
  return false;
}

/** The status expected for a cell. */
export function expectedStatus(actor: ActorName, interaction: Interaction, type: TargetType, owner: Owner, target?: Target): number {
  if (!offered(type, interaction)) return 405;
  if (actor === "anonymous" || actor === "pharmacist") return 401;
  if (interaction === "search") return 200;
  if (interaction === "create") {
    // A new delegation is given by invitation only, after its pause (access/delegation-widening.ts).
    if (mayCreate(actor, owner, type)) return type === "RelatedPerson" ? 422 : 201;
    return space(actor)?.owner === owner ? 403 : 404;
  }
  if (!target) throw new Error("a target is needed");
  const readable = mayRead(actor, target);
  if (interaction === "read" || interaction === "vread" || interaction === "history") return readable ? 200 : 404;
  if (mayChange(actor, interaction, target)) return interaction === "delete" ? 204 : 200;
  return readable ? 403 : 404;
}
