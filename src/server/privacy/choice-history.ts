import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import { consentRule } from "../access/rules";
import { writtenBy } from "../fhir/prepare-write";
import type { Repository } from "../fhir/repository";
import { practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * "Vous avez autorisé Dr Petit le 3 mars, retiré le 5 mai": the history of the patient's
 * choices, read from the versions of their Consents (each change is a version), newest first,
 * a page at a time, each with who made it as its version records it (prepare-write.ts,
 * `writtenBy`): the reader herself, someone else by name (the patient, or a caregiver for
 * her), or unknown for versions written before it was recorded and by the system.
 */
export type ChoiceEvent = {
  when: Date;
  kind: "authorised" | "changed" | "withdrawn" | "blocked" | "unblocked" | "emergency" | "research" | "defaultLevel";
  professional?: string;
  by: ChoiceAuthor;
};

export type ChoiceAuthor = { who: "reader" } | { who: "other"; name: string } | { who: "unknown" };

function authorOf(consent: Consent, readerRef: string | undefined): ChoiceAuthor {
  const author = consent.meta?.author;
  if (author?.reference && author.reference === readerRef) return { who: "reader" };
  return author?.display ? { who: "other", name: author.display } : { who: "unknown" };
}

export const EVENTS_PER_PAGE = 20;

function eventOf(consent: Consent, versionId: number, when: Date, readerRef: string | undefined): ChoiceEvent | undefined {
  const event = kindOf(consent, versionId);
  return event ? { when, ...event, by: authorOf(consent, readerRef) } : undefined;
}

function kindOf(consent: Consent, versionId: number): Pick<ChoiceEvent, "kind" | "professional"> | undefined {
  const inactive = consent.status !== "active";
  switch (consentRule(consent)) {
    case "authorise":
      return { kind: inactive ? "withdrawn" : versionId === 1 ? "authorised" : "changed", professional: practitionerOf(consent) };
    case "block":
      return { kind: inactive ? "unblocked" : "blocked", professional: practitionerOf(consent) };
    case "emergency":
      return inactive ? undefined : { kind: "emergency" };
    case "research":
      return inactive ? undefined : { kind: "research" };
    case "default-level":
      return inactive ? undefined : { kind: "defaultLevel" };
    default:
      return undefined;
  }
}

export async function choiceHistory(repo: Repository, page: number): Promise<{ events: (ChoiceEvent & { name?: string })[]; hasMore: boolean }> {
  const patientId = await privacySpace(repo);
  const readerRef = writtenBy(repo.actor, "Consent", undefined).author?.reference;
  const { versions, hasMore } = await repo.historyOfType(patientId, "Consent", { limit: EVENTS_PER_PAGE, offset: (page - 1) * EVENTS_PER_PAGE });
  const events = versions
    .filter((version) => !version.deleted && version.resource.resourceType === "Consent")
    .map((version) => eventOf(version.resource as Consent, version.versionId, version.lastUpdated, readerRef))
    .filter((event): event is ChoiceEvent => !!event);
  const cards = await repo.describeProfessionals(events.map((event) => event.professional ?? "").filter(Boolean));
  return { events: events.map((event) => ({ ...event, name: event.professional ? cards.get(event.professional)?.name : undefined })), hasMore };
}
