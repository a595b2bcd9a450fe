import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import { consentRule } from "../access/rules";
import type { Repository } from "../fhir/repository";
import { practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * "Vous avez autorisé Dr Petit le 3 mars, retiré le 5 mai": the history of the patient's
 * choices, read from the versions of their Consents (each change is a version), newest first,
 * a page at a time.
 */
export type ChoiceEvent = {
  when: Date;
  kind: "authorised" | "changed" | "withdrawn" | "blocked" | "unblocked" | "emergency" | "research" | "defaultLevel";
  professional?: string;
};

export const EVENTS_PER_PAGE = 20;

function eventOf(consent: Consent, versionId: number, when: Date): ChoiceEvent | undefined {
  const inactive = consent.status !== "active";
  switch (consentRule(consent)) {
    case "authorise":
      return { when, kind: inactive ? "withdrawn" : versionId === 1 ? "authorised" : "changed", professional: practitionerOf(consent) };
    case "block":
      return { when, kind: inactive ? "unblocked" : "blocked", professional: practitionerOf(consent) };
    case "emergency":
      return inactive ? undefined : { when, kind: "emergency" };
    case "research":
      return inactive ? undefined : { when, kind: "research" };
    case "default-level":
      return inactive ? undefined : { when, kind: "defaultLevel" };
    default:
      return undefined;
  }
}

export async function choiceHistory(repo: Repository, page: number): Promise<{ events: (ChoiceEvent & { name?: string })[]; hasMore: boolean }> {
  const patientId = await privacySpace(repo);
  const { versions, hasMore } = await repo.historyOfType(patientId, "Consent", { limit: EVENTS_PER_PAGE, offset: (page - 1) * EVENTS_PER_PAGE });
  const events = versions
    .filter((version) => !version.deleted && version.resource.resourceType === "Consent")
    .map((version) => eventOf(version.resource as Consent, version.versionId, version.lastUpdated))
    .filter((event): event is ChoiceEvent => !!event);
  const cards = await repo.describeProfessionals(events.map((event) => event.professional ?? "").filter(Boolean));
  return { events: events.map((event) => ({ ...event, name: event.professional ? cards.get(event.professional)?.name : undefined })), hasMore };
}
