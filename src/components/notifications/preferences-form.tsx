import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { PreferenceLine } from "@/server/notifications/preferences";

/** One checkbox per kind; security kinds are shown checked and disabled (always e-mailed). */
export function PreferencesForm({ lines, backHref, saved }: { lines: PreferenceLine[]; backHref: string; saved: boolean }) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("notificationPreferences.title")} description={t("notificationPreferences.intro")} />
      {saved ? <Alert tone="success">{t("notificationPreferences.saved")}</Alert> : null}
      <form method="post" action="/api/notifications/preferences" className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t("notificationPreferences.legend")}</legend>
          {lines.map((line) => (
            <div key={line.kind} className="flex items-start gap-3">
              <input
                id={`email-${line.kind}`}
                name={`email-${line.kind}`}
                type="checkbox"
                defaultChecked={line.email}
                disabled={line.locked}
                aria-describedby={line.locked ? `always-${line.kind}` : undefined}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor={`email-${line.kind}`}>
                {line.label}
                {line.locked ? (
                  <span id={`always-${line.kind}`} className="block text-sm text-slate-700">
                    {t("notificationPreferences.always")}
                  </span>
                ) : null}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit">{t("notificationPreferences.save")}</Button>
          <a href={backHref}>{t("notificationPreferences.back")}</a>
        </div>
      </form>
    </div>
  );
}
