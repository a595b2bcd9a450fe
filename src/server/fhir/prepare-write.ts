import type { Communication, Meta, Reference, RelatedPerson, Resource } from "@medplum/fhirtypes";
import { agentRef, spaceOf, type Actor } from "../access/actor";
import { senderRefOf } from "../access/message-changes";
import { extractColumns, patientElementOf, patientReferenceOf } from "./columns";
import { serverOwnedContent } from "./document-attachment";
import { unprocessable } from "./errors";

/**
 * What the server owns in a resource about to be written: its id, its meta (version, date,
 * labels, who wrote this version), the compartment it belongs to and who wrote it. Whatever the
 * request body said of these is overwritten here, from the Actor and the stored version.
 */
export function prepareForWrite<T extends Resource>(
  actor: Actor,
  input: T,
  at: { id: string; versionId: number; now: Date; stored?: Resource; agentName?: string },
): T {
  const { stored } = at;
  const security = stored ? stored.meta?.security : input.meta?.security;
  const resource = {
    ...input,
    id: at.id,
    meta: {
      versionId: String(at.versionId),
      lastUpdated: at.now.toISOString(),
      ...(security && security.length > 0 ? { security } : {}),
      ...writtenBy(actor, input.resourceType, at.agentName, input.meta),
    },
  } as T;
  // A resource created in a space belongs to that space unless it names a patient itself (and
  // then decide() refuses any patient other than the space's).
  const space = spaceOf(actor);
  if (!stored && space && patientReferenceOf(resource) === null) setPatientReference(resource, `Patient/${space}`);
  setAuthor(actor, resource, stored);
  if (!stored && resource.resourceType === "RelatedPerson") startDelegation(resource, at.now);
  if (resource.resourceType === "Communication") ownMessageFields(actor, resource, stored, at.now);
  // The system (seed, jobs) writes stored files' attachments as they are; no one else does.
  if (resource.resourceType === "DocumentReference" && actor.kind !== "system") {
    resource.content = serverOwnedContent(resource, stored?.resourceType === "DocumentReference" ? stored : undefined);
  }
  return resource;
}

/**
 * A delegation begins when it is first written, unless it says a later or earlier start itself.
 * The rules read a delegation with no start as begun during the patient's minority, so ended at
 * her 18th birthday (access/rules.ts): the start written here is what keeps an adult's delegation
 * going, and what tells a child's from hers.
 */
function startDelegation(person: RelatedPerson, now: Date) {
  if (!person.period?.start) person.period = { ...person.period, start: now.toISOString() };
}

/**
 * A professional's name in a resource's author field (Observation.performer, Condition's
 * recorder, Communication.sender…) gives that professional the author's rights over it and
 * takes them from the patient. Only the professional themself may put it there; on an update
 * it may only stay what it was. Checked after the access decision, so that a write the actor
 * may not make at all still answers as the decision says (404 outside their reach).
 */
export function checkNamedProfessional(actor: Actor, resource: Resource, stored: Resource | undefined) {
  if (actor.kind === "system") return;
  const author = extractColumns(resource).author;
  if (!author?.startsWith("Practitioner/") || author === agentRef(actor)) return;
  if (stored && extractColumns(stored).author === author) return;
  throw unprocessable("Seul un professionnel peut se désigner comme auteur d'une ressource.", [
    { severity: "error", code: "business-rule", diagnostics: `auteur ${author} refusé`, expression: [resource.resourceType] },
  ]);
}

/**
 * Who wrote this version of a sharing choice (a Consent), in the version itself (Medplum's
 * `Meta.author` and `Meta.onBehalfOf`, in the StructureDefinitions the validator checks): the
 * patient's history of her choices says « … a été retirée par Léa Martin » when her caregiver
 * made the change, from the versions alone. The audit trail records the same act, but joining it
 * to a version would be by time.
 *
 * Consents only: no professional may read them (practitioner-decision.ts, the privacy domain).
 * On a vaccination or a document a caregiver added, the same field would tell the patient's
 * professionals who her caregiver is, by name, which the delegations domain keeps from them.
 *
 * A caregiver or guardian is named by her RelatedPerson on the patient (that relation is who
 * acts), not by her own Patient id, which is no business of the patient's record; the name is
 * the one she signed in under, when she acted. The system (seed, jobs) writes what its input
 * says, so that demo choices read as the patient's own.
 */
export function writtenBy(actor: Actor, resourceType: string, agentName: string | undefined, input?: Meta): Pick<Meta, "author" | "onBehalfOf"> {
  if (resourceType !== "Consent") return {};
  const display = agentName ? { display: agentName } : {};
  switch (actor.kind) {
    case "patient":
      return { author: { reference: `Patient/${actor.patientId}`, ...display } };
    case "guardian":
    case "delegate":
      return { author: { reference: `RelatedPerson/${actor.relatedPersonId}`, ...display }, onBehalfOf: { reference: `Patient/${actor.patientId}` } };
    case "practitioner":
      return { author: { reference: `Practitioner/${actor.practitionerId}`, ...display } };
    case "link":
      return {};
    case "system":
      return {
        ...(input?.author ? { author: input.author } : {}),
        ...(input?.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
      };
  }
}

function setPatientReference(resource: Resource, reference: string) {
  const element = patientElementOf(resource.resourceType);
  if (element) (resource as unknown as Record<string, unknown>)[element] = { reference } satisfies Reference;
}

function setAuthor(actor: Actor, resource: Resource, stored: Resource | undefined) {
  if (actor.kind === "system") return;
  switch (resource.resourceType) {
    case "DocumentReference": {
      const previous = stored?.resourceType === "DocumentReference" ? stored.author : undefined;
      resource.author = previous ?? [{ reference: agentRef(actor) }];
      break;
    }
    case "MedicationRequest": {
      const previous = stored?.resourceType === "MedicationRequest" ? stored.requester : undefined;
      resource.requester = previous ?? (actor.kind === "practitioner" ? { reference: agentRef(actor) } : resource.requester);
      break;
    }
    default:
      break;
  }
}

/**
 * A message's sender, its sending time and its first status are the server's: who is signed in
 * (a caregiver is the sender, the patient its subject: "Camille Martin pour Jean Martin"), the
 * clock, and "completed" without a read receipt. On an update they stay what was stored (the
 * withdrawal window counts from the stored `sent`).
 */
function ownMessageFields(actor: Actor, message: Communication, stored: Resource | undefined, now: Date) {
  if (actor.kind === "system") return;
  if (stored?.resourceType === "Communication") {
    message.sender = stored.sender;
    message.sent = stored.sent;
    return;
  }
  const sender = senderRefOf(actor);
  message.sender = sender ? { reference: sender } : undefined;
  message.sent = now.toISOString();
  message.status = "completed";
  delete message.received;
}
