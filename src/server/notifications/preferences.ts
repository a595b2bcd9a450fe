import "@/server/server-only";
import { KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { readPreferences, writePreferences } from "../db/notification-store";

export type PreferenceLine = { kind: NotificationKind; label: string; email: boolean; locked: boolean };

/** Every kind with the account's choice; security kinds are always e-mailed and cannot be turned off. */
export async function myPreferences(accountId: string): Promise<PreferenceLine[]> {
  const stored = await readPreferences(accountId);
  return NOTIFICATION_KINDS.map((kind) => {
    const locked = KIND_INFO[kind].security;
    return { kind, label: KIND_INFO[kind].label, email: locked || (stored.get(kind) ?? true), locked };
  });
}

/**
 * Saves the form: a checkbox per kind, checked = e-mail too. The form lists every kind, so an
 * absent box is an unchecked one; names that are not kinds are ignored, security kinds too.
 */
export async function saveMyPreferences(accountId: string, form: FormData): Promise<void> {
  const choices: Record<string, boolean> = {};
  for (const kind of NOTIFICATION_KINDS) {
    if (!KIND_INFO[kind].security) choices[kind] = form.get(`email-${kind}`) === "on";
  }
  await writePreferences(accountId, choices);
}
