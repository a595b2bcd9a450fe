import "@/server/server-only";
import { createHash } from "node:crypto";
import { originOf } from "../auth/session-origin";
import { timeoutOf } from "../auth/session-policy";
import type { CurrentSession } from "../auth/check-session";
import { recordAccountEvent } from "../db/account-event-store";
import { listAccountSessions, revokeAccountSession, revokeAccountSessions } from "../db/account-session-store";
import { describeDevice } from "@/lib/account/describe-device";
import { linkedIdentitiesOf } from "./linked-identities";

/**
 * "Mon compte", sessions: every live session of the account, and signing out one or all the
 * others. A session is named to the page by a hash of its id, never the id itself (the id is
 * the bearer secret inside the cookie). Ending a session revokes its row, which every request
 * reads (check-session.ts): it stops at its next request.
 */
export type SessionView = {
  handle: string;
  current: boolean;
  browser: string;
  system: string;
  firstUse: Date;
  lastUse: Date;
  address: string | null;
  /**
   * How it was opened, so the owner can tell the session an intruder's key or identity opened:
   * an identity by its provider's name (null once unlinked); null for a session opened before
   * this was recorded. Nothing of the credential itself reaches the page.
   */
  openedWith: { method: "password" } | { method: "passkey" } | { method: "oidc"; provider: string | null } | null;
};

export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(`session-handle:${sessionId}`).digest("base64url").slice(0, 22);
}

export async function listSessions(session: CurrentSession, now: Date): Promise<SessionView[]> {
  const rows = (await listAccountSessions(session.account.id)).filter((row) => !timeoutOf(row, now));
  // The identities' names are read only when an identity opened one of them.
  const providers = new Map<string, string>();
  if (rows.some((row) => row.openedWith === "oidc")) for (const identity of await linkedIdentitiesOf(session.account.id)) providers.set(identity.ref, identity.provider);
  return rows.map((row) => ({
    handle: sessionHandle(row.id),
    current: row.id === session.sessionId,
    ...describeDevice(row.userAgent),
    firstUse: row.createdAt,
    lastUse: row.lastSeenAt,
    address: row.address,
    openedWith: openedWithView(originOf(row), providers),
  }));
}

function openedWithView(origin: ReturnType<typeof originOf>, providers: Map<string, string>): SessionView["openedWith"] {
  if (!origin) return null;
  if (origin.method === "oidc") return { method: "oidc", provider: providers.get(origin.identityRef) ?? null };
  return { method: origin.method };
}

type Trail = { address?: string; userAgent?: string | null };

export async function endSession(session: CurrentSession, handle: string, now: Date, trail: Trail): Promise<boolean> {
  const target = (await listAccountSessions(session.account.id)).find((row) => sessionHandle(row.id) === handle);
  if (!target || !(await revokeAccountSession(session.account.id, target.id, now))) return false;
  const device = describeDevice(target.userAgent);
  await recordAccountEvent({ accountId: session.account.id, kind: "session-ended", at: now, ...trail, detail: `${device.browser} (${device.system})` });
  return true;
}

export async function endOtherSessions(session: CurrentSession, now: Date, trail: Trail): Promise<void> {
  await revokeAccountSessions(session.account.id, now, session.sessionId);
  await recordAccountEvent({ accountId: session.account.id, kind: "other-sessions-ended", at: now, ...trail });
}
