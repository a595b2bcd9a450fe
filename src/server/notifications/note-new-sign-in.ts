import "@/server/server-only";
import { describeDevice } from "@/lib/account/describe-device";
import { newSignInDetail, newSignInEmailLines } from "@/lib/notifications/new-sign-in-lines";
import { sessionHandle } from "../accounts/account-sessions";
import type { AccountSummary } from "../db/account-store";
import type { Queryable } from "../db/queryable";
import { env } from "../env";
import { notify } from "./notify";

/**
 * "A sign-in from a new browser" (issue 15), to the account's owner only: it is addressed to the
 * account, not to the patient's space, so a guardian or a caregiver who sees the space's
 * notices does not see its owner's sign-ins. A security kind: e-mailed whatever the
 * preferences. Written in the sign-in's transaction (open-session.ts).
 */
export async function noteNewSignIn(
  db: Queryable,
  input: { account: AccountSummary; sessionId: string; userAgent: string | null; now: Date },
): Promise<void> {
  const device = describeDevice(input.userAgent);
  const page = input.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
  await notify(db, {
    accountId: input.account.id,
    kind: "new-sign-in",
    link: `${page}#sessions-title`,
    detail: newSignInDetail(device),
    dedupeKey: `new-sign-in:${sessionHandle(input.sessionId)}`,
    emailLines: newSignInEmailLines(device, input.now, `${env().APP_URL.replace(/\/+$/, "")}${page}`),
  });
}
