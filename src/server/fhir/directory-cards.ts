import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import { LRUCache } from "lru-cache";
import type { Queryable } from "../db/queryable";
import { DIRECTORY_NAME_TTL_MS } from "./directory-entry-names";
import { findProfessionals, type ProfessionalCard } from "./directory-search";

/**
 * What each process has read of the professionals' cards (name, specialty, town, RPPS: their
 * Practitioner, latest PractitionerRole and its Organization), by practitioner id, or false when
 * no live Practitioner has that id. Kept as the directory's names are (directory-entry-names.ts):
 * DIRECTORY_NAME_TTL_MS, bounded, oldest first; the age read from the clock each time.
 *
 * Why: the sharing page names every professional the patient authorised or blocked, the messages
 * page those they may write to and those of each conversation; each was a statement of its own,
 * the conversations' a round trip after the conversations (issue 16: both pages were slower than
 * the documents page). The directory is public to every signed-in actor and holds no patient
 * data; whether the actor may read it is still decided on every call (describeProfessionals).
 */
const cards = new LRUCache<string, Readonly<ProfessionalCard> | false>({ max: 20_000, ttl: DIRECTORY_NAME_TTL_MS, ttlResolution: 0 });

/**
 * After a write of a directory entry through this process (guarded-repository.ts): the cards it
 * shows in are read again. A role names its professional; a facility may be any professional's
 * town, and facilities change seldom, so all cards go. Another process sees it within the minute.
 */
export function forgetDirectoryCards(resource: Resource): void {
  if (resource.resourceType === "Practitioner" && resource.id) cards.delete(resource.id);
  if (resource.resourceType === "PractitionerRole") {
    const practitioner = resource.practitioner?.reference?.replace(/^Practitioner\//, "");
    if (practitioner) cards.delete(practitioner);
  }
  if (resource.resourceType === "Organization") cards.clear();
}

/** The cards of these professionals (ids already checked to be uuids), reading in one statement only those not known. */
export async function directoryCards(db: Queryable, ids: readonly string[]): Promise<Map<string, ProfessionalCard>> {
  const found = new Map<string, ProfessionalCard>();
  const missing: string[] = [];
  for (const id of ids) {
    const card = cards.get(id);
    if (card === undefined) missing.push(id);
    else if (card) found.set(id, card);
  }
  if (missing.length > 0) {
    const read = new Map((await findProfessionals(db, { ids: missing, limit: missing.length })).cards.map((card) => [card.id, Object.freeze(card)]));
    for (const id of missing) {
      const card = read.get(id);
      cards.set(id, card ?? false);
      if (card) found.set(id, card);
    }
  }
  return found;
}
