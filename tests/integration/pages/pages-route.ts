import type { IncomingMessage, ServerResponse } from "node:http";
import type { ComponentType } from "react";
import type { GetServerSideProps } from "next";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { FramedPageBody } from "@/components/framed-page-body";
import type { PageFrame } from "@/server/pages/page-scope";
import { appUrl } from "../fhir-api/http";

export type PagesModule<P extends Record<string, unknown>> = { getServerSideProps: GetServerSideProps<P>; default: ComponentType<P> };

export type PagesAnswer = {
  status: number;
  redirect?: string;
  html?: string;
  /** Answered by getServerSideProps itself, nothing rendered. */
  ended?: true;
  /** The Set-Cookie headers getServerSideProps added, when it added any. */
  setCookies?: string[];
  /** The frame _app.tsx renders around the page (the site header's facts: its unread count), when the page has one. */
  frame?: PageFrame;
  /** The page's <title>, as its getServerSideProps gave it to _app.tsx. */
  title?: string;
};

/**
 * A Pages Router page as Next serves it: its getServerSideProps with the request Next hands it
 * (this browser's cookie, the address the portal's server pinned, the URL's query and the
 * route's params), then its component rendered to HTML with the props it returned. `framed`: in
 * the frame _app.tsx puts around it (the banner of another person's space, or in the page's place
 * the notice that the session's space is no longer reached), without the site's header and footer.
 */
export async function servePage<P extends Record<string, unknown>>(
  page: PagesModule<P>,
  path: string,
  {
    cookie,
    params = {},
    address = "10.0.0.11",
    headers = {},
    framed = false,
  }: { cookie?: string; params?: Record<string, string>; address?: string; headers?: Record<string, string>; framed?: boolean } = {},
): Promise<PagesAnswer> {
  const url = new URL(path, appUrl());
  const query: Record<string, string | string[]> = { ...params };
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const req = { headers: { ...headers, ...(cookie ? { cookie } : {}), "x-forwarded-for": address }, socket: {}, url: path } as unknown as IncomingMessage;
  let ended = false;
  const cookies: string[] = [];
  const res = {
    statusCode: 200,
    setHeader: () => res,
    appendHeader: (name: string, value: string) => {
      if (name.toLowerCase() === "set-cookie") cookies.push(value);
      return res;
    },
    end: () => (ended = true),
  } as unknown as ServerResponse;
  const context = { req, res, query, params, resolvedUrl: path } as unknown as Parameters<GetServerSideProps<P>>[0];
  const result = await page.getServerSideProps(context);
  const setCookies = cookies.length > 0 ? { setCookies: cookies } : {};
  if (ended) return { status: res.statusCode, ended: true, ...setCookies };
  if ("redirect" in result) return { status: 307, redirect: result.redirect.destination, ...setCookies };
  if ("notFound" in result) return { status: 404, ...setCookies };
  const props = await result.props;
  const { frame, title } = props as { frame?: PageFrame; title?: string };
  const element = framed ? createElement(FramedPageBody<P>, { frame, page: page.default, props }) : createElement(page.default, props);
  return { status: res.statusCode, html: renderToStaticMarkup(element), ...setCookies, ...(frame ? { frame } : {}), ...(title !== undefined ? { title } : {}) };
}

/** The answer of a page opened signed out: to sign in, then back to that page (return-after-sign-in.ts). */
export const toSignIn = (path: string): PagesAnswer => ({ status: 307, redirect: `/connexion?vers=${encodeURIComponent(path)}` });
