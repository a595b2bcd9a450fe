import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import type { Reader } from "@/lib/i18n/voice";
import type { ProfessionalCard } from "@/server/fhir/directory-search";
import { AuthoriseForm } from "./authorise-form";
import { PreviewLink, ProfessionalButton } from "./professional-actions";
import { ProfessionalHeading } from "./professional-heading";

/**
 * "Autoriser un professionnel": search the directory (a GET form: the query is in the URL, the
 * page works without JavaScript), then authorise, block or preview from each result.
 * `takesFocus`: the results' heading has the focus when the page loads (the answer to the search,
 * as a notice is to a post), unless a notice above takes it. The form goes to the page without a
 * fragment (#autoriser): with one, the browser scrolls to it and skips autofocus, and the focus
 * stayed at the top of the page, the results read only by whoever scrolled to them.
 */
export function ProfessionalSearch({
  query,
  results,
  authorised,
  blocked,
  reader,
  takesFocus,
  refusedFor,
}: {
  query: string;
  results?: { cards: ProfessionalCard[]; more: boolean };
  authorised: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  reader: Reader;
  takesFocus: boolean;
  /** The professional whose date was just refused: his form is open again, the field marked. */
  refusedFor?: string;
}) {
  return (
    <section id="autoriser" aria-labelledby="autoriser-title" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="autoriser-title" className="text-xl font-semibold">
        {t("sharing.authoriseTitle")}
      </h2>
      <form method="get" action="/espace/partage" role="search" className="flex flex-wrap items-end gap-3">
        <TextField name="q" label={t("sharing.searchLabel")} hint={t("sharing.searchHint")} defaultValue={query} maxLength={100} className="min-w-64 flex-1" />
        <Button type="submit">{t("sharing.searchButton")}</Button>
      </form>
      {results ? (
        <div className="flex flex-col gap-3" aria-live="polite">
          <h3 tabIndex={takesFocus ? -1 : undefined} autoFocus={takesFocus} className="text-lg font-semibold">
            {t("sharing.resultsTitle", { query })}
          </h3>
          {results.cards.length === 0 ? <p>{t("sharing.searchNone", { query })}</p> : null}
          <ul className="flex flex-col gap-3">
            {results.cards.map((card) => {
              const nameId = `resultat-${card.id}-name`;
              const state = blocked.has(card.id) ? t("sharing.isBlocked") : authorised.has(card.id) ? t("sharing.alreadyAuthorised") : undefined;
              return (
                <li key={card.id} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
                  <ProfessionalHeading card={card} id={nameId} badge={state} />
                  {blocked.has(card.id) ? (
                    <ProfessionalButton action="debloquer" practitionerId={card.id} label={t("sharing.unblockButton")} describedBy={nameId} />
                  ) : (
                    <details open={card.id === refusedFor}>
                      <summary className="cursor-pointer font-semibold text-blue-800">{authorised.has(card.id) ? t("sharing.change") : t("sharing.authoriseButton")}</summary>
                      <div className="mt-3">
                        <AuthoriseForm
                          reader={reader}
                          practitionerId={card.id}
                          idPrefix={`resultat-${card.id}`}
                          submitLabel={t("sharing.authoriseButton")}
                          describedBy={nameId}
                          query={query}
                          dateRefused={card.id === refusedFor}
                        />
                      </div>
                    </details>
                  )}
                  <div className="flex flex-wrap gap-3">
                    {blocked.has(card.id) ? null : <ProfessionalButton action="bloquer" practitionerId={card.id} label={t("sharing.blockButton")} describedBy={nameId} />}
                    <PreviewLink viewer={`pro:${card.id}`} describedBy={nameId} />
                  </div>
                </li>
              );
            })}
          </ul>
          {results.more ? <p>{t("sharing.searchMore", { count: results.cards.length })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
