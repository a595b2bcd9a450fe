import { t, tn } from "@/lib/i18n/messages";
import { Button } from "./button";
import { QuickExit } from "./relatives/quick-exit";

/**
 * The banner of every page: the portal's name (a link home) and, when signed in, who is signed
 * in and the sign-out button. Sign-out is a plain POST form (it works before JavaScript has
 * loaded); nothing changes state on a GET.
 *
 * "Sortie rapide" is here, so it is on every page the root layout renders (sign-in, activation,
 * invitations, the account, errors, the professional and pharmacist pages, the patient's space):
 * a person may be pressured on any of them. It comes first in the banner, one Tab after the
 * skip link.
 */
export function SiteHeader({
  displayName,
  notifications,
  accountHref,
}: {
  displayName?: string;
  notifications?: { href: string; unread: number };
  accountHref?: string;
}) {
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl justify-end px-4 pt-3">
        <QuickExit />
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <a href="/" className="text-xl font-bold text-blue-900 no-underline hover:underline">
          {t("app.name")}
        </a>
        {displayName ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-slate-700">{t("header.signedInAs", { name: displayName })}</p>
            {notifications ? (
              <a href={notifications.href} className="font-semibold">
                {notifications.unread > 0 ? tn("notifications.headerCount", notifications.unread) : t("notifications.headerLink")}
              </a>
            ) : null}
            {accountHref ? (
              <a href={accountHref} className="font-semibold">
                {t("account.title")}
              </a>
            ) : null}
            <form method="post" action="/deconnexion">
              <Button type="submit" variant="secondary">
                {t("header.signOut")}
              </Button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
