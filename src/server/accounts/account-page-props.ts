import "@/server/server-only";
import type { ParsedUrlQuery } from "node:querystring";
import { t } from "@/lib/i18n/messages";
import { framedPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { headersOf } from "../pages/request-headers";
import { accountPageData, type AccountPageData, type AccountSearch } from "./account-page-data";
import { readClosingFlash } from "./closed-sessions-flash";
import { spacesAlsoClosed } from "./spaces-also-closed";

/** The getServerSideProps of « Mon compte », in either space: about the account itself, whichever space the person acts in. */
export function accountPageProps(space: "patient" | "practitioner") {
  return framedPage<AccountPageData>(space, async (scope, { req, res, query }) => {
    const { session } = scope;
    const search = searchOf(query);
    const headers = headersOf(req);
    // Read once: the page that shows the count clears it (closed-sessions-flash.ts).
    const flash = readClosingFlash(headers.get("cookie"), session, search.ok);
    if (flash.clear) res.appendHeader("Set-Cookie", flash.clear);
    const [data, alsoClosed] = await Promise.all([accountPageData(session, { ...search, closed: flash.count }, headers, new Date()), spacesAlsoClosed(scope)]);
    // In a relative's space the closure's form would only be refused (close-space.ts, « not-own »): the page says how to reach it instead.
    const inOtherSpace = scope.actor.kind === "guardian" || scope.actor.kind === "delegate";
    return { title: t("account.title"), data: { ...data, ...(alsoClosed ? { alsoClosed } : {}), ...(inOtherSpace ? { inOtherSpace: true as const } : {}) } };
  });
}

function searchOf(query: ParsedUrlQuery): AccountSearch {
  const one = (key: keyof AccountSearch) => queryValue(query[key]);
  return { ok: one("ok"), erreur: one("erreur"), codes: one("codes"), totp: one("totp"), secours: one("secours") };
}
