import "@/server/server-only";
import { describeDevice } from "@/lib/account/describe-device";
import { recoverySignInEmailLines } from "@/lib/notifications/new-sign-in-lines";
import { sessionHandle } from "../accounts/account-sessions";
import type { AccountSummary } from "../db/account-store";
import type { Queryable } from "../db/queryable";
import { remainingRecoveryCodes } from "../db/recovery-code-store";
import { env } from "../env";
import { notify } from "./notify";

/**
 * « Connexion avec un code de secours », to the account's owner only, whatever the browser: a
 * sign-in without the phone is what someone who stole the password and a printed code would
 * make, and the owner who still has her phone heard nothing of it (only « Connexions récentes »
 * listed it). It stands for the « nouveau navigateur » notice too, so one e-mail says both. A
 * security kind: e-mailed whatever the preferences. Written in the sign-in's transaction
 * (open-session.ts), with the codes left counted there.
 */
export async function noteRecoverySignIn(
  db: Queryable,
  input: { account: AccountSummary; sessionId: string; userAgent: string | null; now: Date },
): Promise<void> {
  const page = input.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
  const left = await remainingRecoveryCodes(input.account.id, db);
  await notify(db, {
    accountId: input.account.id,
    kind: "recovery-sign-in",
    link: `${page}#sessions-title`,
    dedupeKey: `recovery-sign-in:${sessionHandle(input.sessionId)}`,
    emailLines: recoverySignInEmailLines(describeDevice(input.userAgent), input.now, left, `${env().APP_URL.replace(/\/+$/, "")}${page}`),
  });
}
