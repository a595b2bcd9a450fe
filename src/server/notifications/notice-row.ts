import { KIND_INFO } from "@/lib/notifications/kinds";
import type { NotificationInput } from "./notify";

/** A notice as its row stores it: what notify() and notifyMany() both write, so they cannot drift. */
export type NoticeRow = {
  patientId: string | null;
  accountId: string | null;
  /** The space an account's notice leads into (notify.ts, `space`). */
  spaceId: string | null;
  kind: NotificationInput["kind"];
  urgent: boolean;
  link: string;
  detail: string | null;
  dedupeKey: string | null;
};

export function noticeRow(n: NotificationInput): NoticeRow {
  if (!n.patientId && !n.accountId) throw new Error("notify: patientId ou accountId requis");
  if (n.space && !n.accountId) throw new Error("notify: space ne va qu'avec accountId");
  const info = KIND_INFO[n.kind];
  // Only a path of ours: "//host/…" would leave the portal.
  const link = n.link && n.link.startsWith("/") && !n.link.startsWith("//") ? n.link : info.link;
  return {
    patientId: n.patientId ?? null,
    accountId: n.accountId ?? null,
    spaceId: n.space ?? null,
    kind: n.kind,
    urgent: n.urgent ?? n.kind === "emergency-access",
    link,
    detail: n.detail?.slice(0, 200) ?? null,
    dedupeKey: n.dedupeKey ?? null,
  };
}

/** Never when asked "never"; when asked "always", for a security kind whatever the preferences, else unless the person said no. */
export function sendsEmail(n: NotificationInput, wants: boolean | null): boolean {
  if (n.email === "never") return false;
  return n.email === "always" || KIND_INFO[n.kind].security || wants !== false;
}
