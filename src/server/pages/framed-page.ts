import "@/server/server-only";
import type { GetServerSideProps, GetServerSidePropsContext } from "next";
import { t } from "@/lib/i18n/messages";
import type { CurrentSession } from "../auth/check-session";
import { sessionFromHeaders } from "../auth/session-from-headers";
import type { RequestScope } from "../documents/request-scope";
import { lostSpace, type LostSpace } from "../delegations/lost-space";
import { ReadLimited } from "../fhir/read-limit";
import { answerAfter } from "../http/answer-after-commit";
import { answeredAppRouterFetch } from "./app-router-fetch";
import { jsonProps, type Json } from "./json-props";
import { openPageFrame, pageScope, type PageFrame, type RouteResource } from "./page-scope";
import { headersOf } from "./request-headers";

/** What every page of the Pages Router gets: the frame around it, its title, its own data (null: « Page introuvable »). */
export type FramedProps<D> = { frame: PageFrame; title: string; data: Json<D> | null };

/** What a page's loader finds: its title and data, or nothing this actor may see (with the 404's own title, if it has one). */
export type Loaded<D> = { title: string; data: D } | { notFound: true; title?: string };

export const NOT_FOUND = { notFound: true } as const;

/** For a page under /pro/patients/[patientId]: that patient's rules are read beside the session (framedPage's `rulesOf`). */
export const ABOUT_ROUTE_PATIENT = {
  rulesOf: ({ params }: GetServerSidePropsContext) => (typeof params?.patientId === "string" ? params.patientId : undefined),
};

/**
 * For a page of the patient's space that reads the rules of the space it shows, even in the
 * patient's own (the documents' privacy badges, the sharing choices, who may be written to):
 * they come in the session's statement (framedPage's `ownRules`). A caregiver's space brings
 * them anyway (who the caregiver acts as is decided on them); other pages of one's own space do
 * not read them, and do not pay for them.
 */
export const READS_OWN_RULES = { ownRules: true };

/** For a page under /espace/documents/[id]: the document's row is read in the session's statement (framedPage's `rowOf`). */
export const ABOUT_ROUTE_DOCUMENT = {
  rowOf: ({ params }: GetServerSidePropsContext): RouteResource | undefined =>
    typeof params?.id === "string" ? { type: "DocumentReference", id: params.id } : undefined,
};

/** What getServerSideProps returns once it has answered itself: Next renders nothing after an ended response. */
const UNRENDERED = { props: { frame: { header: {}, banner: null, nonce: null }, title: "", data: null } };

/** « Page introuvable » (or the page's own 404 title) with a 404, in the portal's frame. */
function notFoundProps<D>(context: GetServerSidePropsContext, frame: PageFrame, title: string | undefined): { props: FramedProps<D> } {
  context.res.statusCode = 404;
  return { props: { frame, title: title ?? t("errors.notFoundTitle"), data: null } };
}

/**
 * « Vous n'avez plus accès à cet espace », with a 403, in place of any page of a space the person
 * no longer reaches (lost-space.ts). 403 rather than the 404 of a page that does not exist: the
 * person is told, in words, that the access they had has ended, which is all the page says, and
 * the same for every address of that space (nothing of the page's own data was read).
 */
function lostSpaceProps<D>(context: GetServerSidePropsContext, frame: PageFrame, lost: LostSpace): { props: FramedProps<D> } {
  context.res.statusCode = 403;
  return { props: { frame: { ...frame, lostSpace: lost }, title: t("lostSpace.title"), data: null } };
}

/**
 * The getServerSideProps of a page of the patient's or the professional's space: the request's
 * scope (or the redirect page-scope.ts decides), then the page's loader, through that scope's
 * repository. Nothing found is « Page introuvable » with a 404, in the portal's frame, as the
 * App Router's notFound() gives; the read limit reached on the way, the too-many-requests page.
 * `rulesOf`: the patient a page is about, whose rules are read beside the session (page-scope.ts);
 * `rowOf`: the resource a page is about, whose row is read in the session's statement too.
 * `ownRules`: the page reads the rules of the patient's own space (READS_OWN_RULES).
 */
export function framedPage<D>(
  space: "patient" | "practitioner",
  load: (scope: RequestScope, context: GetServerSidePropsContext) => Promise<Loaded<D>>,
  {
    rulesOf,
    rowOf,
    ownRules = false,
  }: {
    rulesOf?: (context: GetServerSidePropsContext) => string | undefined;
    rowOf?: (context: GetServerSidePropsContext) => RouteResource | undefined;
    ownRules?: boolean;
  } = {},
): GetServerSideProps<FramedProps<D>> {
  return async (context) => {
    if (answeredAppRouterFetch(context.req, context.res)) return UNRENDERED;
    try {
      const scoped = await pageScope(context.req, space, { rulesOf: rulesOf?.(context), rowOf: rowOf?.(context), ownRules });
      if ("redirect" in scoped) return scoped;
      // The frame and the page's data are read at once. Their audit rows (a caregiver's banner
      // reads the other person's record) go in one INSERT, also when a read fails (a refusal's
      // row is kept), committed before any byte of the answer leaves: the page is rendered
      // meanwhile where the server holds its answer (answer-after-commit.ts), else afterwards.
      const { repo } = scoped.scope;
      repo.holdAudit();
      let frame: PageFrame;
      let loaded: Loaded<D> | { lost: LostSpace };
      try {
        // A space the session still points at but that the person no longer reaches: the page's
        // loader is not run (it would read the person's own record under the other's address).
        const lost = space === "patient" ? await lostSpace(scoped.scope) : undefined;
        [frame, loaded] = await Promise.all([scoped.frame(), lost ? { lost } : load(scoped.scope, context)]);
      } finally {
        await answerAfter(context.req, repo.flushAudit());
      }
      if ("lost" in loaded) return lostSpaceProps(context, frame, loaded.lost);
      if ("notFound" in loaded) return notFoundProps(context, frame, loaded.title);
      return { props: jsonProps({ frame, title: loaded.title, data: loaded.data }) };
    } catch (error) {
      // The account's reads of the minute ran out while the page read: the page that says so
      // in words (waiting a minute is all it takes), not an error page.
      if (error instanceof ReadLimited) return { redirect: { destination: "/trop-de-demandes", permanent: false } };
      throw error;
    }
  };
}

/** What an open page's loader may answer besides its data: another page (the sign-in page sends a signed-in person home). */
export type Elsewhere = { redirect: string };

/**
 * For a page anyone may see (no account needed: sign-in, the pharmacist's, the too-many-requests
 * page): the frame of whoever is signed in, if anyone, and the page's loader with the request's
 * headers and that session, read once for both. The loader gets the session as a promise: a
 * page that does not need it (the pharmacist's) starts its own reads beside that one.
 * `linkHolder`: a pharmacist's page, whose footer speaks of the patient's history.
 */
export function openPage<D>(
  load: (context: GetServerSidePropsContext, headers: Headers, session: Promise<CurrentSession | undefined>) => Loaded<D> | Elsewhere | Promise<Loaded<D> | Elsewhere>,
  options: { linkHolder?: boolean } = {},
): GetServerSideProps<FramedProps<D>> {
  return async (context) => {
    if (answeredAppRouterFetch(context.req, context.res)) return UNRENDERED;
    const headers = headersOf(context.req);
    const session = sessionFromHeaders(headers, new Date(), { unread: true });
    const [opened, loaded] = await Promise.all([session.then((signedIn) => openPageFrame(headers, signedIn)), load(context, headers, session)]);
    const frame = options.linkHolder ? { ...opened, header: { ...opened.header, linkHolder: true } } : opened;
    if ("redirect" in loaded) return { redirect: { destination: loaded.redirect, permanent: false } };
    if ("notFound" in loaded) return notFoundProps(context, frame, loaded.title);
    return { props: jsonProps({ frame, title: loaded.title, data: loaded.data }) };
  };
}
