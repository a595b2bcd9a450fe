import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { SwitchSpaceForm } from "@/components/relatives/switch-space-form";
import { formatDateTime } from "@/lib/documents/format";
import { format, t, tn } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { newsCountLine } from "@/lib/notifications/news-count-line";
import type { NotificationsPage } from "@/server/notifications/list-notifications";
import type { Json } from "@/server/pages/json-props";

type Row = Json<NotificationsPage>["rows"][number];

/**
 * Whose notice a row is, for a reader in another person's space: hers (the space's), the
 * reader's own space's, or the reader's account's. In one's own space every row is one's own
 * and nothing is marked.
 */
function ownerOf(n: Row, list: Json<NotificationsPage>): "space" | "own" | "account" {
  if (n.patientId === null) return "account";
  return list.ownPatientIds.includes(n.patientId) ? "own" : "space";
}

/** The intro of the page: the professional's, the patient's own, or, in another person's space, what the list holds there. */
function introOf(basePath: string, list: Json<NotificationsPage>, reader: Reader): string {
  if (basePath.startsWith("/pro")) return t("notifications.proIntro");
  if (reader.voice === "theirs" && !list.spaceShown) return t("notifications.introOwnOnly", { person: reader.person });
  return tv("notifications.intro", reader);
}

/**
 * The unread notices of the other spaces the person acts in (unread-in-spaces.ts), each with a
 * plain form that takes her there, to that space's notifications page (espace-actif checks the
 * right again).
 */
function UnreadElsewhere({ spaces }: { spaces: Json<NotificationsPage>["elsewhere"] }) {
  return (
    <section aria-labelledby="notifications-elsewhere" className="flex flex-col gap-3">
      <h2 id="notifications-elsewhere" className="text-xl font-semibold">
        {t("notifications.elsewhereTitle")}
      </h2>
      <ul className="flex flex-col gap-3">
        {spaces.map((space) => (
          <li key={space.patientId} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-300 bg-white px-4 py-3">
            <p>{tn("notifications.elsewhereCount", space.unread, { person: space.name })}</p>
            <SwitchSpaceForm patientId={space.patientId} suite="notifications">
              <Button type="submit" variant="secondary" aria-label={t("notifications.elsewhereOpenLabel", { person: space.name })}>
                {t("notifications.elsewhereOpen")}
              </Button>
            </SwitchSpaceForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The notifications list, for patients and professionals alike. Every action is a plain POST
 * form (opening one marks it read, then goes to its page): it works without JavaScript and
 * nothing changes on a GET. In another person's space (`reader`), the list holds the reader's
 * own notices and, when she may see them, the space's: each row says whose it is, and the
 * space's read about that person (« le dossier de Léo Martin »), never « votre dossier ».
 */
export function NotificationsView({ list, basePath, notice, reader }: { list: Json<NotificationsPage>; basePath: string; notice?: { tone: "success" | "error"; text: string }; reader: Reader }) {
  const inOtherSpace = reader.voice === "theirs";
  const marks = { space: t("notifications.forSpace", { person: reader.person }), own: t("notifications.forOwnSpace"), account: t("notifications.forOwnAccount") };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("notifications.title")} description={introOf(basePath, list, reader)}>
        <p>
          <a href={`${basePath}/preferences`}>{t("notifications.preferencesLink")}</a>
        </p>
      </PageHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {list.elsewhere.length > 0 ? <UnreadElsewhere spaces={list.elsewhere} /> : null}
      {list.rows.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <section aria-labelledby="notifications-list" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="notifications-list" className="text-xl font-semibold">
              {tn("notifications.unreadCount", list.unread)}
            </h2>
            {list.unread > 0 ? (
              <form method="post" action="/api/notifications/lues">
                <Button type="submit" variant="secondary">
                  {t("notifications.markAllRead")}
                </Button>
              </form>
            ) : null}
          </div>
          <ul aria-label={t("notifications.listLabel")} className="flex flex-col gap-3">
            {list.rows.map((n) => {
              const owner = inOtherSpace ? ownerOf(n, list) : "own";
              const text = owner === "space" ? format(KIND_INFO[n.kind].theirs, { person: reader.person }) : KIND_INFO[n.kind].text;
              const count = newsCountLine(n.kind, n.newsCount);
              return (
                <li key={n.id} className={`rounded-md border bg-white px-4 py-3 ${n.readAt ? "border-slate-300" : "border-blue-800 border-l-4"}`}>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div className="flex flex-col gap-1">
                      <p className={n.readAt ? "" : "font-semibold"}>
                        {n.urgent ? <span className="mr-2 rounded bg-red-800 px-2 py-0.5 text-sm text-white">{t("notifications.urgent")}</span> : null}
                        {n.readAt ? null : <span className="mr-2 rounded bg-blue-800 px-2 py-0.5 text-sm text-white">{t("notifications.unread")}</span>}
                        {text}
                      </p>
                      {count ? <p>{count}</p> : null}
                      {n.detail ? <p>{n.detail}</p> : null}
                      <p className="text-sm text-slate-700">
                        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                        {inOtherSpace ? ` · ${marks[owner]}` : null}
                      </p>
                    </div>
                    <form method="post" action={`/api/notifications/${n.id}/ouvrir`}>
                      <Button type="submit" variant="quiet" aria-label={t("notifications.openLabel", { text })}>
                        {t("notifications.open")}
                      </Button>
                    </form>
                  </div>
                </li>
              );
            })}
          </ul>
          {list.pageCount > 1 ? (
            <nav aria-label={t("notifications.pagination")} className="flex gap-4">
              {list.page > 1 ? <a href={`${basePath}?page=${list.page - 1}`}>{t("notifications.previous")}</a> : null}
              {list.page < list.pageCount ? <a href={`${basePath}?page=${list.page + 1}`}>{t("notifications.next")}</a> : null}
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}
