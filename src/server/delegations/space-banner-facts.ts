import "@/server/server-only";
import type { Actor } from "../access/actor";
import { applicableDelegation } from "../access/applicable-delegation";
import type { Repository } from "../fhir/repository";
import { spacePatientName } from "./space-patient-name";

/**
 * What the banner of another person's space says: their name (read through the repository as
 * the agent, so it is checked and in that person's history) and the rights that apply now.
 */
export type BannerFacts = { name: string; kind: "guardian" | "delegate"; scopes: string[]; selfPatientId: string };

/** Who the banner says the space is of when the person's name cannot be read (or she has none). */
export const UNNAMED_PERSON = "une autre personne";

export async function spaceBannerFacts(repo: Repository, actor: Actor): Promise<BannerFacts | undefined> {
  if (actor.kind !== "guardian" && actor.kind !== "delegate") return undefined;
  const rules = await repo.rules(actor.patientId);
  const delegation = applicableDelegation(rules.delegations, actor.selfPatientId, repo.now());
  const name = await spacePatientName(repo, actor.patientId);
  return {
    name: name || UNNAMED_PERSON,
    kind: actor.kind,
    scopes: delegation ? [...delegation.scopes] : [],
    selfPatientId: actor.selfPatientId,
  };
}
