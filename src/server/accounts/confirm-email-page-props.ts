import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { emailChangeLink, type EmailChangeLinkState } from "./account-link-state";

/**
 * The token of the link sent to the new address, as the address gives it (checked again when
 * posted, change-email.ts), whether it can still serve, and while it can, the address it confirms
 * (the page said « cette adresse » without saying which).
 */
export type ConfirmEmailPageData = { token: string; state: EmailChangeLinkState; address: string | null };

/**
 * The getServerSideProps of the page the new address's link opens: open to anyone (the token is
 * the permission, and the link is opened wherever the mail is read). It spends nothing: the
 * link's state is read without counting a try, and the page's button posts the token, so a mail
 * scanner that follows links confirms nothing, and neither does an App Router prefetch (answered
 * 204, framed-page.ts). A link that can no longer serve says so at once, instead of a button
 * whose post would be refused; so does one whose address became another account's meanwhile.
 */
export const confirmEmailPageProps = openPage<ConfirmEmailPageData>(async ({ query }) => {
  const token = queryValue(query.jeton)?.slice(0, 64) ?? "";
  const { state, address } = await emailChangeLink(token, new Date());
  return { title: t(state === "live" ? "account.emailConfirmTitle" : "account.emailLinkEndedTitle"), data: { token, state, address: address ?? null } };
});
