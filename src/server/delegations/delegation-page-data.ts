import "@/server/server-only";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatHumanName } from "@/lib/fhir/human-name";
import { RELATIVES_NOTICES, type RelativesNotice } from "@/lib/delegations/relatives-notices";
import type { Scope } from "../access/scopes";
import { agentsActsAndClosures } from "../audit/agents-acts-and-closures";
import type { RequestScope } from "../documents/request-scope";
import { FhirError } from "../fhir/errors";
import { isUuid } from "../fhir/ids";
import { endDayBounds } from "./invitation-state";
import { caregiverDelegation, managedSpaceUntil } from "./managed-space";

/** One caregiver's delegation as its page shows it: its rights as a list (a Set has no JSON form), and the last-day field's value and bounds. */
export type DelegationShown = {
  kind: "delegate";
  relatedPersonId: string;
  name: string;
  scopes: Scope[];
  /** The first instant it no longer applies (the day after its last day). */
  end?: Date;
  active: boolean;
  /** Live, but the person's own space is closed: her account opens nothing (agents-acts-and-closures.ts), as the list says. */
  accountClosed: boolean;
  lastDay: { value: string; earliest: string; latest: string };
};

/** A guardian's tie is a legal matter: its page says so and offers nothing. */
export type DelegationPageData = (DelegationShown | { kind: "guardian" }) & { message: RelativesNotice | null };

/**
 * « Délégation de … »: one caregiver's delegation of the space the actor manages, read through
 * the repository (caregiverDelegation: the patient, or a guardian in a minor's space). A malformed
 * id, a delegation of another space, or an actor who does not manage this one (a caregiver):
 * undefined, the page's « not found ». `message`: a notice code the page's forms come back with,
 * kept only if it is one of them.
 */
export async function delegationPageData({ repo }: RequestScope, relatedPersonId: string, message: string | undefined): Promise<DelegationPageData | undefined> {
  if (!isUuid(relatedPersonId)) return undefined;
  const notice = message !== undefined && Object.hasOwn(RELATIVES_NOTICES, message) ? (message as RelativesNotice) : null;
  const found = await caregiverDelegation(repo, relatedPersonId).catch((error: unknown) => {
    if (error instanceof FhirError && error.status === 422) return "guardian" as const;
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  });
  if (!found) return undefined;
  if (found === "guardian") return { kind: "guardian", message: notice };
  const { patientId, person, delegation } = found;
  const [until, { closed }] = await Promise.all([
    managedSpaceUntil(repo),
    agentsActsAndClosures(repo, patientId, [delegation.agentPatientId]),
  ]);
  const bounds = endDayBounds(repo.now(), until);
  const current = delegation.end ? parisDayOf(new Date(delegation.end.getTime() - 1)) : bounds.byDefault;
  return {
    kind: "delegate",
    relatedPersonId,
    name: formatHumanName(person.name) ?? "Proche",
    scopes: [...delegation.scopes],
    end: delegation.end,
    active: delegation.active,
    accountClosed: delegation.active && closed.has(delegation.agentPatientId),
    lastDay: { value: current < bounds.earliest ? bounds.byDefault : current, earliest: bounds.earliest, latest: bounds.latest },
    message: notice,
  };
}
