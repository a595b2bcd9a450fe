import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";

/** The token of the link sent to the new address, as the address gives it (checked when posted, change-email.ts). */
export type ConfirmEmailPageData = { token: string };

/**
 * The getServerSideProps of the page the new address's link opens: open to anyone (the token is
 * the permission, and the link is opened wherever the mail is read). It reads and spends nothing:
 * the page's button posts the token, so a mail scanner that follows links confirms nothing, and
 * neither does an App Router prefetch (answered 204, framed-page.ts).
 */
export const confirmEmailPageProps = openPage<ConfirmEmailPageData>(({ query }) => ({
  title: t("account.emailConfirmTitle"),
  data: { token: queryValue(query.jeton)?.slice(0, 64) ?? "" },
}));
