import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { formatDateTime } from "@/lib/documents/format";
import { t, tn } from "@/lib/i18n/messages";
import { KIND_INFO } from "@/lib/notifications/kinds";
import type { NotificationsPage } from "@/server/notifications/list-notifications";
import type { Json } from "@/server/pages/json-props";

/**
 * The notifications list, for patients and professionals alike. Every action is a plain POST
 * form (opening one marks it read, then goes to its page): it works without JavaScript and
 * nothing changes on a GET.
 */
export function NotificationsView({ list, basePath, notice }: { list: Json<NotificationsPage>; basePath: string; notice?: string }) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("notifications.title")} description={t(basePath.startsWith("/pro") ? "notifications.proIntro" : "notifications.intro")}>
        <p>
          <a href={`${basePath}/preferences`}>{t("notifications.preferencesLink")}</a>
        </p>
      </PageHeader>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
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
              const text = KIND_INFO[n.kind].text;
              return (
                <li key={n.id} className={`rounded-md border bg-white px-4 py-3 ${n.readAt ? "border-slate-300" : "border-blue-800 border-l-4"}`}>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div className="flex flex-col gap-1">
                      <p className={n.readAt ? "" : "font-semibold"}>
                        {n.urgent ? <span className="mr-2 rounded bg-red-800 px-2 py-0.5 text-sm text-white">{t("notifications.urgent")}</span> : null}
                        {n.readAt ? null : <span className="mr-2 rounded bg-blue-800 px-2 py-0.5 text-sm text-white">{t("notifications.unread")}</span>}
                        {text}
                      </p>
                      {n.detail ? <p>{n.detail}</p> : null}
                      <p className="text-sm text-slate-700">
                        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                        {n.patientId && !list.ownPatientIds.includes(n.patientId) ? ` · ${t("notifications.forSpace")}` : null}
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
