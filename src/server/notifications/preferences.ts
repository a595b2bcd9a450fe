import "@/server/server-only";
import { KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { PROFESSIONAL_KINDS } from "@/lib/notifications/professional-kinds";
import { idOfRef } from "../auth/resolve-actor";
import { now } from "../clock";
import { readPreferences, writePreferences } from "../db/notification-store";
import { unsafeAccountTies } from "../fhir/account-ties";
import { kindReaches } from "./kind-audience";

export type PreferenceLine = { kind: NotificationKind; label: string; email: boolean; locked: boolean };

/** The session's account, as far as its choices go: the person it is bound to decides which kinds can reach it. */
export type PreferencesAccount = { id: string; kind: "patient" | "practitioner"; fhirRef: string };

/**
 * The kinds that can reach this account: a professional's are few (professional-kinds.ts); a
 * patient's are those whose audience she is in (kind-audience.ts), so that an adult without a
 * child is not offered « Passage à la majorité », nor someone who helps no one a caregiver's kind.
 */
export async function kindsFor(account: PreferencesAccount): Promise<readonly NotificationKind[]> {
  if (account.kind === "practitioner") return NOTIFICATION_KINDS.filter((kind) => PROFESSIONAL_KINDS.has(kind));
  const patientId = idOfRef(account.fhirRef, "Patient");
  if (!patientId) return NOTIFICATION_KINDS;
  const ties = await unsafeAccountTies(patientId);
  const at = now();
  return NOTIFICATION_KINDS.filter((kind) => kindReaches(kind, ties, at));
}

/** Every kind the account can receive, with its choice; security kinds are always e-mailed and cannot be turned off. */
export async function myPreferences(account: PreferencesAccount): Promise<PreferenceLine[]> {
  const [stored, kinds] = await Promise.all([readPreferences(account.id), kindsFor(account)]);
  return kinds.map((kind) => {
    const locked = KIND_INFO[kind].security;
    return { kind, label: KIND_INFO[kind].label, email: locked || (stored.get(kind) ?? true), locked };
  });
}

/**
 * Saves the form: a checkbox per kind, checked = e-mail too. The form lists every kind the
 * account can receive, so an absent box is an unchecked one; names that are not kinds are
 * ignored, security kinds too, and so are kinds the account does not receive. Only the listed
 * kinds are written: a choice stored for a kind the page no longer lists (a caregiver's, once
 * she helps no one) is kept as it was, should that kind reach her again.
 */
export async function saveMyPreferences(account: PreferencesAccount, form: FormData): Promise<void> {
  const choices: Record<string, boolean> = {};
  for (const kind of await kindsFor(account)) {
    if (!KIND_INFO[kind].security) choices[kind] = form.get(`email-${kind}`) === "on";
  }
  await writePreferences(account.id, choices);
}
