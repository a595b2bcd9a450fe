import "@/server/server-only";
import type { GetServerSideProps, GetServerSidePropsContext } from "next";
import { t } from "@/lib/i18n/messages";
import type { RequestScope } from "../documents/request-scope";
import { ReadLimited } from "../fhir/read-limit";
import { jsonProps, type Json } from "./json-props";
import { openPageFrame, pageScope, type PageFrame } from "./page-scope";

/** What every page of the Pages Router gets: the frame around it, its title, its own data (null: « Page introuvable »). */
export type FramedProps<D> = { frame: PageFrame; title: string; data: Json<D> | null };

/** What a page's loader finds: its title and data, or nothing this actor may see. */
export type Loaded<D> = { title: string; data: D } | { notFound: true };

export const NOT_FOUND = { notFound: true } as const;

/**
 * The getServerSideProps of a page of the patient's or the professional's space: the request's
 * scope (or the redirect page-scope.ts decides), then the page's loader, through that scope's
 * repository. Nothing found is « Page introuvable » with a 404, in the portal's frame, as the
 * App Router's notFound() gives; the read limit reached on the way, the too-many-requests page.
 */
export function framedPage<D>(
  space: "patient" | "practitioner",
  load: (scope: RequestScope, context: GetServerSidePropsContext) => Promise<Loaded<D>>,
): GetServerSideProps<FramedProps<D>> {
  return async (context) => {
    try {
      const scoped = await pageScope(context.req, space);
      if ("redirect" in scoped) return scoped;
      const loaded = await load(scoped.scope, context);
      if ("notFound" in loaded) {
        context.res.statusCode = 404;
        return { props: { frame: scoped.frame, title: t("errors.notFoundTitle"), data: null } };
      }
      return { props: jsonProps({ frame: scoped.frame, title: loaded.title, data: loaded.data }) };
    } catch (error) {
      // The account's reads of the minute ran out while the page read: the page that says so
      // in words (waiting a minute is all it takes), not an error page.
      if (error instanceof ReadLimited) return { redirect: { destination: "/trop-de-demandes", permanent: false } };
      throw error;
    }
  };
}

/** For a page anyone may see, which reads nothing of a patient: the frame of whoever is signed in. */
export function openPage<D>(load: (context: GetServerSidePropsContext) => Loaded<D>): GetServerSideProps<FramedProps<D>> {
  return async (context) => {
    const frame = await openPageFrame(context.req);
    const loaded = load(context);
    if ("notFound" in loaded) {
      context.res.statusCode = 404;
      return { props: { frame, title: t("errors.notFoundTitle"), data: null } };
    }
    return { props: jsonProps({ frame, title: loaded.title, data: loaded.data }) };
  };
}
