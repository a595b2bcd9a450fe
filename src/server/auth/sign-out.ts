import "@/server/server-only";
import { revokeSession } from "../db/session-store";

/** Sign-out ends the server session: the cookie, if replayed, no longer signs anyone in. */
export async function signOut(sessionId: string, now: Date): Promise<void> {
  await revokeSession(sessionId, now);
}
