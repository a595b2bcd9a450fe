import type { ReactNode } from "react";
import { t } from "@/lib/i18n/messages";

/**
 * "Je ne reconnais pas cet accès", on each access a professional made (history table, emergency
 * notice): a submit button that blocks them at once and flags the entry
 * (src/server/privacy/report-unrecognised-access.ts). Once reported, the entry says so instead.
 *
 * The button carries the entry (`name="acces"`, its value), so a list of them needs one form
 * around it (UnrecognisedAccessForm), not one per entry: the history's first page had twenty
 * forms and twenty hidden fields, a fifth of its elements (issue 16: the page rendered slower
 * than the documents page). `hintId`: the visible sentence that says what the button does, read
 * with it; without one, the button's title says it.
 */
export function UnrecognisedAccessButton({ entryId, reported, describedBy, hintId }: { entryId: string; reported: boolean; describedBy?: string; hintId?: string }) {
  if (reported) {
    return (
      <span className="mt-1 inline-flex w-fit items-center rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
        {t("unrecognised.flagged")}
      </span>
    );
  }
  return (
    <button
      type="submit"
      name="acces"
      value={entryId}
      aria-describedby={[describedBy, hintId].filter(Boolean).join(" ") || undefined}
      title={hintId ? undefined : t("unrecognised.hint")}
      className="mt-1 block text-sm font-semibold text-red-900 underline underline-offset-4"
    >
      {t("unrecognised.button")}
    </button>
  );
}

/** The one form the buttons of a list submit (plain POST: it works without JavaScript). */
export function UnrecognisedAccessForm({ children }: { children: ReactNode }) {
  return (
    <form method="post" action="/api/partage/signaler">
      {children}
    </form>
  );
}

/** A single entry's button in its own form (the emergency notice). */
export function UnrecognisedAccess({ entryId, reported, describedBy }: { entryId: string; reported: boolean; describedBy?: string }) {
  const button = <UnrecognisedAccessButton entryId={entryId} reported={reported} describedBy={describedBy} />;
  return reported ? button : <UnrecognisedAccessForm>{button}</UnrecognisedAccessForm>;
}
