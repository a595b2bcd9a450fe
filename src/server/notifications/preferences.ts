import "@/server/server-only";
import { KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { PROFESSIONAL_KINDS } from "@/lib/notifications/professional-kinds";
import { readPreferences, writePreferences } from "../db/notification-store";

export type PreferenceLine = { kind: NotificationKind; label: string; email: boolean; locked: boolean };

/** The kinds an account of this kind can receive: a professional's are few (professional-kinds.ts). */
export function kindsFor(accountKind: "patient" | "practitioner"): readonly NotificationKind[] {
  return accountKind === "practitioner" ? NOTIFICATION_KINDS.filter((kind) => PROFESSIONAL_KINDS.has(kind)) : NOTIFICATION_KINDS;
}

/** Every kind the account can receive, with its choice; security kinds are always e-mailed and cannot be turned off. */
export async function myPreferences(accountId: string, accountKind: "patient" | "practitioner"): Promise<PreferenceLine[]> {
  const stored = await readPreferences(accountId);
  return kindsFor(accountKind).map((kind) => {
    const locked = KIND_INFO[kind].security;
    return { kind, label: KIND_INFO[kind].label, email: locked || (stored.get(kind) ?? true), locked };
  });
}

/**
 * Saves the form: a checkbox per kind, checked = e-mail too. The form lists every kind the
 * account can receive, so an absent box is an unchecked one; names that are not kinds are
 * ignored, security kinds too, and so are kinds the account does not receive.
 */
export async function saveMyPreferences(accountId: string, accountKind: "patient" | "practitioner", form: FormData): Promise<void> {
  const choices: Record<string, boolean> = {};
  for (const kind of kindsFor(accountKind)) {
    if (!KIND_INFO[kind].security) choices[kind] = form.get(`email-${kind}`) === "on";
  }
  await writePreferences(accountId, choices);
}
