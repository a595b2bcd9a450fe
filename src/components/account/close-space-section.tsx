import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import type { SpacesAlsoClosed } from "@/server/accounts/spaces-also-closed";

/**
 * « Clôturer mon espace » (src/server/accounts/close-space.ts, CSP art. R1111-36): what closing
 * does, said plainly before the button, then a plain form (no script) that asks the second factor
 * again. `error`: a refused code, said beside its field too; `alsoClosed`: the other people's spaces
 * she acts in, which she would no longer reach either.
 */
export function CloseSpaceSection({ error, alsoClosed, inOtherSpace = false }: { error?: string; alsoClosed?: SpacesAlsoClosed; inOtherSpace?: boolean }) {
  return (
    <section id="cloture" aria-labelledby="close-space-title" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
      <h2 id="close-space-title" className="text-xl font-semibold">
        {t("closeSpace.title")}
      </h2>
      {/* In a relative's space the form would only be refused (close-space.ts, « not-own »): said before she fills it in. */}
      {inOtherSpace ? <p>{t("closeSpace.fromOwnSpace")}</p> : <CloseSpaceForm error={error} alsoClosed={alsoClosed} />}
    </section>
  );
}

function CloseSpaceForm({ error, alsoClosed }: { error?: string; alsoClosed?: SpacesAlsoClosed }) {
  return (
    <>
      <p>{t("closeSpace.intro")}</p>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        <li>{t("closeSpace.nobodyReads")}</li>
        <li>{t("closeSpace.accessEnds")}</li>
        {alsoClosed?.guardian ? <li>{alsoClosed.guardian === 1 ? t("closeSpace.alsoChild") : t("closeSpace.alsoChildren", { count: String(alsoClosed.guardian) })}</li> : null}
        {alsoClosed?.delegate ? <li>{alsoClosed.delegate === 1 ? t("closeSpace.alsoRelative") : t("closeSpace.alsoRelatives", { count: String(alsoClosed.delegate) })}</li> : null}
        <li>{t("closeSpace.archived")}</li>
        <li>{t("closeSpace.reopen")}</li>
      </ul>
      <form method="post" action="/compte/cloturer" className="flex max-w-md flex-col gap-4">
        <div className="flex items-start gap-2">
          <input type="checkbox" id="close-space-erase" name="erase" value="oui" className="mt-1 h-5 w-5" />
          <label htmlFor="close-space-erase">{t("closeSpace.erase")}</label>
        </div>
        <TextField name="code" id="close-space-code" label={t("account.secondFactorCode")} hint={t("closeSpace.codeHint")} autoComplete="one-time-code" error={error} required maxLength={16} />
        <div>
          <Button type="submit" variant="secondary">
            {t("closeSpace.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
