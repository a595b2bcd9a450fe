import "@/server/server-only";
import type { Actor } from "../access/actor";
import { readDocumentsSeen, writeDocumentsSeen } from "../db/documents-seen-store";

/**
 * "New since your last visit": a document is new when it was added or changed by someone else
 * after the moment the patient last cleared the list ("mark all as seen"), and they have not
 * opened it since (their own reads are in the audit trail). Only in one's own space: a
 * caregiver's visit is not the patient's. The first visit starts the clock, so a fresh account
 * does not see its whole record as new.
 */
export async function documentsSeenBefore(actor: Actor, now: Date, known?: Date | null): Promise<Date | undefined> {
  if (actor.kind !== "patient") return undefined;
  // `known`: as the session's statement read it for this request (page-scope.ts), one statement less.
  const seen = known !== undefined ? known : await readDocumentsSeen(actor.accountId);
  if (seen) return seen;
  await writeDocumentsSeen(actor.accountId, now);
  return now;
}

export async function markDocumentsSeen(actor: Actor, now: Date): Promise<void> {
  if (actor.kind !== "patient") return;
  await writeDocumentsSeen(actor.accountId, now);
}
