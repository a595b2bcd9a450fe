import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { setPendingTotpSecret } from "../db/account-enrolment-store";
import { takeSecurityNotice } from "../db/account-store";
import { openedWithRecoveryCode } from "../db/session-store";
import { forgetReturnPath, keptReturnPath } from "./return-after-sign-in";
import { openPage } from "../pages/framed-page";
import { newTotpSecret } from "./totp";

/** Where the notice's button goes on: the home page, the page opened signed out, or the account page after a recovery code. */
export type AfterSignInData = { next: string };

/**
 * /connexion/suite, where every sign-in lands: a security notice left for the owner (the second
 * step was paused by wrong codes) is taken and shown once, and someone who came in with a
 * recovery code is sent to enrol a new second factor (a new TOTP secret waits on the account
 * page). Otherwise straight on to the home page. Both are side effects of this GET, as they
 * were: an App Router prefetch is answered 204 before the loader runs (openPage). « After a
 * recovery code » is the server's record of this session's sign-in, not the address's
 * `?secours=1` alone: a link to that address, opened by someone signed in, set a new pending
 * secret (replacing one being enrolled) and had « Mon compte » tell her she had come in with a
 * recovery code (SECURITY-CASES 14: nothing changes state on a GET a third party can trigger).
 */
export const afterSignInProps = openPage<AfterSignInData>(async ({ query, res }, headers, sessionPromise) => {
  const session = await sessionPromise;
  if (!session) return { redirect: "/connexion" };
  // The page opened signed out, if any (return-after-sign-in.ts): served once, then forgotten.
  const back = keptReturnPath(headers.get("cookie"));
  if (back) res.appendHeader("Set-Cookie", forgetReturnPath());
  // Any value but an empty one (repeated, too) means « after a recovery code », as the App page read it.
  const secours = Boolean(query.secours) && (await openedWithRecoveryCode(session.sessionId, session.account.id));
  const accountPage = session.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
  // After a recovery code, the account page first: the new app is to be enrolled at once.
  const next = secours ? `${accountPage}?secours=1` : (back ?? "/");
  if (secours) await setPendingTotpSecret(session.account.id, newTotpSecret());
  const notice = await takeSecurityNotice(session.account.id);
  if (!notice) return { redirect: next };
  return { title: t("signInExtra.noticeTitle"), data: { next } };
});
