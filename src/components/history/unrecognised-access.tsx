import { t } from "@/lib/i18n/messages";

/**
 * "Je ne reconnais pas cet accès", on each access a professional made (history table, emergency
 * notice): one plain form that blocks them at once and flags the entry
 * (src/server/privacy/report-unrecognised-access.ts). Once reported, the entry says so instead.
 */
export function UnrecognisedAccess({ entryId, reported, describedBy }: { entryId: string; reported: boolean; describedBy?: string }) {
  if (reported) {
    return (
      <span className="mt-1 inline-flex w-fit items-center rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
        {t("unrecognised.flagged")}
      </span>
    );
  }
  return (
    <form method="post" action="/api/partage/signaler" className="mt-1">
      <input type="hidden" name="acces" value={entryId} />
      <button type="submit" aria-describedby={describedBy} title={t("unrecognised.hint")} className="text-sm font-semibold text-red-900 underline underline-offset-4">
        {t("unrecognised.button")}
      </button>
    </form>
  );
}
