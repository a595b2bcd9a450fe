import { Button } from "@/components/button";
import { FieldError } from "@/components/field-error";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import { dayInputValue } from "./format";

/**
 * Authorise a professional, or change the level and end of an authorisation: a plain form post
 * (works without JavaScript). `idPrefix` keeps each form's labels tied to its own fields when a
 * page holds several. `reader`: whose documents the levels are said to be (« Mes documents », or
 * « Les documents de Camille Martin » to someone acting for her). `query`: the directory search
 * the form was shown by, sent along so that a refused date comes back to this result (sharing-post.ts);
 * `dateRefused`: that refusal, said beside the field, which is marked.
 */
export function AuthoriseForm({
  practitionerId,
  idPrefix,
  restricted = false,
  until,
  submitLabel,
  describedBy,
  reader,
  query,
  dateRefused = false,
}: {
  practitionerId: string;
  idPrefix: string;
  restricted?: boolean;
  until?: Date | string;
  submitLabel: string;
  describedBy: string;
  reader: Reader;
  query?: string;
  dateRefused?: boolean;
}) {
  const hintId = `${idPrefix}-until-hint`;
  const errorId = `${idPrefix}-until-error`;
  return (
    <form method="post" action="/api/partage/autoriser" className="flex flex-col gap-3">
      <input type="hidden" name="praticien" value={practitionerId} />
      {query ? <input type="hidden" name="q" value={query} /> : null}
      <fieldset className="flex flex-col gap-1">
        <legend className="font-semibold">{t("sharing.levelLabel")}</legend>
        {(["N", "R"] as const).map((level) => (
          <label key={level} className="flex items-start gap-2">
            <input type="radio" name="niveau" value={level} defaultChecked={(level === "R") === restricted} className="mt-1.5" />
            <span>{tv(level === "R" ? "sharing.levelR" : "sharing.levelN", reader)}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-until`} className="font-semibold">
          {t("sharing.untilLabel")}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {t("sharing.untilHint")}
        </p>
        {dateRefused ? <FieldError id={errorId} text={t("sharing.untilRefused")} /> : null}
        <input
          id={`${idPrefix}-until`}
          type="date"
          name="jusqu_au"
          defaultValue={dayInputValue(until)}
          aria-describedby={dateRefused ? `${errorId} ${hintId}` : hintId}
          aria-invalid={dateRefused || undefined}
          className="w-fit rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
        />
      </div>
      <div>
        <Button type="submit" aria-describedby={describedBy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
