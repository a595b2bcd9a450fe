import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { unreadCount } from "./unread-count";

/** What the site's header shows of the person signed in, if anyone is. */
export type HeaderFacts = {
  displayName?: string;
  notifications?: { href: string; unread: number };
  accountHref?: string;
  /** A professional is signed in: the footer speaks of the patients' records, not of their own. */
  professional?: boolean;
  /** A pharmacist's page (a share link, no account): the footer speaks of the patient's history, not the reader's. */
  linkHolder?: boolean;
  /**
   * A patient acts in another person's space (a child's, a delegating patient's): what they
   * consult there is recorded in that person's history, not in theirs, so the footer says so.
   */
  otherSpace?: boolean;
};

/**
 * For both routers' frames: the root layout and the Pages Router's page props. The Pages
 * Router's session comes with its count (sessionFromHeaders' `unread`), one statement less.
 */
export async function headerFactsOf(session: CurrentSession | undefined): Promise<HeaderFacts> {
  if (!session) return {};
  const pro = session.account.kind === "practitioner";
  return {
    displayName: session.account.displayName,
    notifications: { href: pro ? "/pro/notifications" : "/espace/notifications", unread: session.headerUnread ?? (await unreadCount(session)) },
    accountHref: pro ? "/pro/compte" : "/espace/compte",
    ...(pro ? { professional: true } : {}),
    ...(!pro && session.activeSpace !== null && session.activeSpace !== session.account.fhirRef ? { otherSpace: true } : {}),
  };
}
