import "@/server/server-only";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { env } from "../env";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { pendingSignIn } from "./pending-sign-in";

/**
 * The second step of sign-in, with the app's code or a recovery code: the CSRF token the form
 * posts to next-auth's callback, or null when this browser has no sign-in waiting (expired, or
 * never started: the page then says so and links back to the first step); and what went wrong
 * with the last code, from a flag in the address.
 */
export type CodePageData = {
  csrfToken: string | null;
  error: MessageKey | null;
  /** The recovery page's: how to reach the assistance when the codes are lost too, whether a sign-in waits or not. */
  assistance: string | null;
};

const PAGES = {
  code: { title: "secondFactor.title", failed: "secondFactor.failed" },
  recovery: { title: "signInExtra.recoveryTitle", failed: "signInExtra.recoveryFailed" },
} as const satisfies Record<string, { title: MessageKey; failed: MessageKey }>;

export function codePageProps(kind: keyof typeof PAGES) {
  return openPage<CodePageData>(async ({ query }, headers, session) => {
    const pending = await pendingSignIn(headers.get("cookie"), new Date());
    // Signed in already, with no sign-in waiting: Back from the space after the code. The page
    // said « Votre demande de connexion a expiré ou a reçu trop de codes erronés » to someone
    // just let in (found by a walk of the first sign-in); home, as /connexion does.
    if (!pending && (await session)) return { redirect: "/" };
    const erreur = queryValue(query.erreur);
    const error = erreur === "pause" ? "signInExtra.paused" : erreur ? PAGES[kind].failed : null;
    const assistance = kind === "recovery" ? env().ASSISTANCE_CONTACT : null;
    return { title: t(PAGES[kind].title), data: { csrfToken: pending?.csrfToken ?? null, error: pending ? error : null, assistance } };
  });
}
