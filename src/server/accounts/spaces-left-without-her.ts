import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import { unsafeFindDelegationsOfAgent } from "../fhir/agent-delegations";
import type { Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";

/**
 * The open spaces in which the person closing her own space (close-space.ts) is named to act, as
 * a caregiver, a parent or a judge's representative, by a tie live or in its pause. Those ties
 * stay as they are on purpose (a parent's guardianship is a legal tie; a caregiver's delegation
 * serves again if the assistance reopens her space: reopen-space.ts), but her account opens
 * nothing: the person she helped, or the other parent of her child, relied on someone who cannot
 * come, and was told nothing (found reviewing the closure). A space already closed is left out:
 * no one reads it. Read before the closure's transaction, as the delegations she gave are.
 */
export async function spacesLeftWithoutHer(system: Repository, ownId: string, now: Date): Promise<SpaceLeft[]> {
  const ties = await unsafeFindDelegationsOfAgent(ownId, (patientId) => system.rules(patientId));
  const spaces = new Map<string, SpaceLeft>();
  for (const { patientId, delegation, rules } of ties) {
    if (!delegation.active || (delegation.end && delegation.end <= now) || rules.closed || patientId === ownId) continue;
    const asGuardian = delegation.kind === "guardian" || spaces.get(patientId)?.asGuardian === true;
    spaces.set(patientId, { patientId, asGuardian });
  }
  return [...spaces.values()];
}

/** A space she could act in; `asGuardian`: as its guardian (a parent, a judge's representative), so among others who guard it. */
export type SpaceLeft = { patientId: string; asGuardian: boolean };

/**
 * Each of those spaces told, in the closure's transaction once her account is shut: its notice,
 * read by its owner and by whoever manages it (the other parent, in a child's space), and its
 * e-mail, to the owner's account and, where she was a guardian, to each other live guardian, a
 * teenager's own account or not (notify.ts, guardiansToo), no longer her. Neither says who, nor
 * why: that her account is closed, and that someone else can be invited (the notification's
 * fixed words, notifications/delegation-kinds.ts).
 */
export async function tellSpacesLeftWithoutHer(db: Queryable, spaces: readonly SpaceLeft[], ownId: string, now: Date): Promise<void> {
  for (const { patientId, asGuardian } of spaces) {
    const dedupeKey = `agent-account-closed:${patientId}:${ownId}:${now.toISOString()}`;
    await notify(db, { patientId, kind: "agent-account-closed", link: "/espace/proches", dedupeKey, ...(asGuardian ? { guardiansToo: true as const } : {}) });
  }
}
