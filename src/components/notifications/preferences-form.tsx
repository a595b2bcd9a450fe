import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { ACCOUNT_ACCESS_KINDS } from "@/lib/notifications/account-access-kinds";
import type { PreferenceLine } from "@/server/notifications/preferences";

/**
 * The kinds one may choose, as checkboxes; then the security kinds, always e-mailed, as a plain
 * list under its own heading (the account's, then the space's). Twenty disabled checkboxes mixed
 * with the nine real choices made a page a person had to read line by line to find what she
 * could change; a screen reader announced each one as « case à cocher, cochée, indisponible ».
 * The saving route ignores security kinds whatever is posted (preferences.ts).
 */
export function PreferencesForm({ lines, backHref, saved }: { lines: PreferenceLine[]; backHref: string; saved: boolean }) {
  const choices = lines.filter((line) => !line.locked);
  const locked = lines.filter((line) => line.locked);
  const groups = [
    { id: "always-account", title: t("notificationPreferences.alwaysAccount"), lines: locked.filter((line) => ACCOUNT_ACCESS_KINDS.has(line.kind)) },
    { id: "always-space", title: t("notificationPreferences.alwaysSpace"), lines: locked.filter((line) => !ACCOUNT_ACCESS_KINDS.has(line.kind)) },
  ].filter((group) => group.lines.length > 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("notificationPreferences.title")} description={t("notificationPreferences.intro")} />
      {saved ? <Alert tone="success">{t("notificationPreferences.saved")}</Alert> : null}
      <form method="post" action="/api/notifications/preferences" className="flex flex-col gap-4">
        {choices.length > 0 ? (
          <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t("notificationPreferences.legend")}</legend>
            {choices.map((line) => (
              <div key={line.kind} className="flex items-start gap-3">
                <input id={`email-${line.kind}`} name={`email-${line.kind}`} type="checkbox" defaultChecked={line.email} className="mt-1 h-5 w-5" />
                <label htmlFor={`email-${line.kind}`}>{line.label}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit">{t("notificationPreferences.save")}</Button>
          <a href={backHref}>{t("notificationPreferences.back")}</a>
        </div>
      </form>
      {groups.length > 0 ? (
        <section aria-labelledby="always-title" className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4">
          <h2 id="always-title" className="text-lg font-semibold">
            {t("notificationPreferences.alwaysTitle")}
          </h2>
          <p className="text-slate-700">{t("notificationPreferences.alwaysIntro")}</p>
          {groups.map((group) => (
            <div key={group.id} className="flex flex-col gap-1">
              <h3 id={group.id} className="font-semibold">
                {group.title}
              </h3>
              <ul aria-labelledby={group.id} className="list-disc pl-6">
                {group.lines.map((line) => (
                  <li key={line.kind}>{line.label}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
