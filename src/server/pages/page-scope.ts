import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import type { Redirect } from "next";
import { checkSession, type CurrentSession } from "../auth/check-session";
import { signInPathFor } from "../auth/return-after-sign-in";
import { sessionIdFromHeaders } from "../auth/session-from-headers";
import type { LostSpace } from "../delegations/lost-space";
import { spaceBannerFacts, type BannerFacts } from "../delegations/space-banner-facts";
import { scopeFor, type RequestScope } from "../documents/request-scope";
import { requestContextOf } from "../http/client-address";
import { headerFactsOf, type HeaderFacts } from "../notifications/header-facts";
import { headersOf } from "./request-headers";
import { isUuid } from "../fhir/ids";

/** A stored resource a page names in its path (its id checked to be a uuid before anything is read). */
export type RouteResource = { type: string; id: string };

/**
 * What the Pages Router's frame (src/pages/_app.tsx) shows around a page: the header, whose space
 * it is, and the request's CSP nonce, for a page's own inline script (these pages load no bundle).
 * `lostSpace`: the session's chosen space is no longer reached (lost-space.ts); the frame says so
 * in place of the page.
 */
export type PageFrame = { header: HeaderFacts; banner: BannerFacts | null; nonce: string | null; lostSpace?: LostSpace };

type PageRequest = Pick<IncomingMessage, "headers" | "socket"> & { url?: string };
const to = (destination: string): { redirect: Redirect } => ({ redirect: { destination, permanent: false } });

/** The space a page belongs to, and where the other kind of account is sent (as the App Router's layouts do). */
const SPACES = {
  patient: { kind: "patient", elsewhere: "/pro" },
  practitioner: { kind: "practitioner", elsewhere: "/espace" },
} as const;

/**
 * For a getServerSideProps of the patient's or the professional's space: what the App Router's
 * root layout, the space's layout and requirePageScope do, from the request itself (`cookies()`
 * and `headers()` do not exist there). No session: the sign-in page; the other kind of account:
 * its own space; an account past its reads of the minute: the page that says so, before anything
 * is read. Every read still goes through the scope's repository, built for this request's actor.
 *
 * The frame (the header's unread count, whose space it is) is read by `frame()`, which the page
 * runs beside its own loader rather than before it (issue 16: one round trip less on every
 * page); its reads are the actor's, through the same repository, and a read limit reached there
 * is the same too-many-requests page (framed-page.ts). The unread count itself comes with the
 * session, in its statement (issue 16: one more round trip less).
 */
export async function pageScope(
  req: PageRequest,
  space: keyof typeof SPACES,
  { rulesOf, rowOf, ownRules = false }: { rulesOf?: string; rowOf?: RouteResource; ownRules?: boolean } = {},
): Promise<{ scope: RequestScope; frame: () => Promise<PageFrame> } | { redirect: Redirect }> {
  const headers = headersOf(req);
  const sessionId = await sessionIdFromHeaders(headers);
  // Signed out: to sign in, then back to this page (return-after-sign-in.ts).
  if (!sessionId) return to(signInPathFor(req.url));
  // A page about one patient (a professional's view of a record) decides everything on that
  // patient's rules: read in the session's statement, as the rules of a patient's own space or
  // of the space a caregiver acts in are (session-store.ts). Unchecked, as the rules always are
  // (the decision stands on them); used only once the session holds, by the repository of its actor.
  const patientId = rulesOf !== undefined && isUuid(rulesOf) ? rulesOf : undefined;
  // A page about one stored resource (a document's page) reads its row in the session's statement
  // too, for the same reason: the repository decides on it and audits it once the session holds,
  // exactly as on a row it read itself (guarded-repository.ts, readingRow).
  const resource = rowOf && isUuid(rowOf.id) ? rowOf : undefined;
  // With the rules of the patient the page shows: who a caregiver acts as is decided on them
  // (actor-for-session.ts), and every decision of the page, before any of the page's reads;
  // in the patient's own space only for a page that reads them (framed-page.ts, READS_OWN_RULES).
  // And when the account last cleared its documents list, for the documents page (mark-new.ts).
  const session = await checkSession(sessionId, new Date(), { unread: true, spaceRules: ownRules ? "own" : "delegated", rulesOf: patientId, documentsSeen: true, row: resource });
  if (!session) return to(signInPathFor(req.url));
  if (session.account.kind !== SPACES[space].kind) return to(SPACES[space].elsewhere);
  const scope = await scopeFor(session, requestContextOf(headers, session.account.displayName));
  if (!scope) throw new Error("Compte sans ressource FHIR valide");
  if (resource) scope.repo.readingRow(resource.type, resource.id, Promise.resolve(session.routeRow ?? undefined));
  if (scope.repo.readRefusal()) return to("/trop-de-demandes");
  const frame = async (): Promise<PageFrame> => {
    const [header, banner] = await Promise.all([headerFactsOf(session), spaceBannerFacts(scope.repo, scope.actor)]);
    return { header, banner: banner ?? null, nonce: headers.get("x-nonce") };
  };
  return { scope, frame };
}

/** For a page anyone may see: the header of whoever is signed in, if anyone. */
export async function openPageFrame(headers: Headers, session: CurrentSession | undefined): Promise<PageFrame> {
  return { header: await headerFactsOf(session), banner: null, nonce: headers.get("x-nonce") };
}
