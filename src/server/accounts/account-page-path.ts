import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";

/** « Mon compte » of the account's own kind: its forms send the person back there. */
export function accountPagePath(session: CurrentSession): "/espace/compte" | "/pro/compte" {
  return session.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
}
