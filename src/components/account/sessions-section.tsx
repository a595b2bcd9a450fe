import { Button } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { SessionView } from "@/server/accounts/account-sessions";
import type { Json } from "@/server/pages/json-props";

/** How a session was opened, after the day it was: « avec une clé d'accès » (nothing when unknown). */
function openedWith(origin: Json<SessionView["openedWith"]>): string {
  if (!origin) return "";
  if (origin.method === "passkey") return `, ${t("account.sessionOpenedPasskey")}`;
  if (origin.method === "password") return `, ${t("account.sessionOpenedPassword")}`;
  return `, ${origin.provider ? t("account.sessionOpenedOidc", { provider: origin.provider }) : t("account.sessionOpenedOidcUnlinked")}`;
}

/** « Cette session », or the plain form that ends another one, named by the session it ends. */
function action(s: Json<SessionView>) {
  if (s.current) return <strong>{t("account.sessionThis")}</strong>;
  return (
    <form method="post" action="/compte/sessions/fermer">
      <input type="hidden" name="session" value={s.handle} />
      <Button type="submit" variant="secondary" aria-label={`${t("account.sessionEnd")} : ${s.browser}, ${s.system}, ${formatDateTime(s.lastUse)}`}>
        {t("account.sessionEnd")}
      </Button>
    </form>
  );
}

/**
 * The account's live sessions, each with a plain form to end it; and one to end all others. Each
 * says how it was opened, so the owner can tell the one an intruder's key or identity opened.
 */
export function SessionsSection({ sessions }: { sessions: Json<SessionView[]> }) {
  return (
    <section aria-labelledby="sessions-title" className="flex flex-col gap-3">
      <h2 id="sessions-title" className="text-xl font-semibold">
        {t("account.sessionsTitle")}
      </h2>
      <p>{t("account.sessionsIntro")}</p>
      <DataTable
        caption={t("account.sessionsCaption")}
        // The action first: on a 360 px phone the table scrolls in its box, and a last column's
        // « Déconnecter » sat off-screen, reached only by scrolling sideways (found by the walk).
        columns={[{ label: t("account.sessionAction"), visuallyHidden: true }, t("account.sessionBrowser"), t("account.sessionSystem"), t("account.sessionFirst"), t("account.sessionLast"), t("account.sessionAddress")]}
      >
        {sessions.map((s) => (
          <tr key={s.handle} className="border-t border-slate-200">
            <td className="px-4 py-2">{action(s)}</td>
            <td className="px-4 py-2">{s.browser}</td>
            <td className="px-4 py-2">{s.system}</td>
            <td className="px-4 py-2">
              {formatDateTime(s.firstUse)}
              {openedWith(s.openedWith)}
            </td>
            <td className="px-4 py-2">{formatDateTime(s.lastUse)}</td>
            <td className="px-4 py-2">{s.address ?? t("account.unknown")}</td>
          </tr>
        ))}
      </DataTable>
      {sessions.length > 1 ? (
        <form method="post" action="/compte/sessions/fermer-autres">
          <Button type="submit" variant="secondary">
            {t("account.sessionEndOthers")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
