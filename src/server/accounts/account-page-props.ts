import "@/server/server-only";
import type { ParsedUrlQuery } from "node:querystring";
import { t } from "@/lib/i18n/messages";
import { framedPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { headersOf } from "../pages/request-headers";
import { accountPageData, type AccountPageData, type AccountSearch } from "./account-page-data";

/** The getServerSideProps of « Mon compte », in either space: about the account itself, whichever space the person acts in. */
export function accountPageProps(space: "patient" | "practitioner") {
  return framedPage<AccountPageData>(space, async ({ session }, { req, query }) => ({
    title: t("account.title"),
    data: await accountPageData(session, searchOf(query), headersOf(req), new Date()),
  }));
}

function searchOf(query: ParsedUrlQuery): AccountSearch {
  const one = (key: keyof AccountSearch) => queryValue(query[key]);
  return { ok: one("ok"), erreur: one("erreur"), codes: one("codes"), totp: one("totp"), secours: one("secours"), fermees: one("fermees") };
}
