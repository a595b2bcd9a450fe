import { Pager } from "@/components/pager";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { SharingOverviewProps } from "@/server/privacy/sharing-overview";
import { AuthoriseForm } from "./authorise-form";
import { pageOf } from "@/lib/page-of";
import { SHARING_PAGE_SIZE } from "./list-page";
import { PreviewLink, ProfessionalButton } from "./professional-actions";
import { ProfessionalHeading } from "./professional-heading";

type ListPaging = { page: number; hrefFor: (page: number) => string };

/** The professionals the patient authorised: change the level or the end, withdraw, block, preview. A page at a time. */
export function AuthorisedList({ overview, paging, reader, refusedFor }: { overview: SharingOverviewProps; paging: ListPaging; reader: Reader; refusedFor?: string }) {
  const shown = pageOf(overview.authorised, paging.page, SHARING_PAGE_SIZE);
  return (
    <section id="autorises" aria-labelledby="autorises-title" className="flex flex-col gap-3">
      <h2 id="autorises-title" className="text-xl font-semibold">
        {t("sharing.authorisedTitle")}
      </h2>
      {overview.authorised.length === 0 ? <p className="text-slate-700">{tv("sharing.authorisedNone", reader)}</p> : null}
      <ul className="flex flex-col gap-3">
        {shown.items.map(({ card, restricted, until, blocked }) => (
          <li key={card.id} id={`pro-${card.id}`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <ProfessionalHeading card={card} id={`pro-${card.id}-name`} />
            {blocked ? <p className="font-semibold text-red-800">{t("sharing.authorisedButBlocked")}</p> : null}
            <details open={card.id === refusedFor}>
              <summary className="cursor-pointer font-semibold text-blue-800">{t("sharing.change")}</summary>
              <div className="mt-3">
                <AuthoriseForm
                  reader={reader}
                  practitionerId={card.id}
                  idPrefix={`pro-${card.id}`}
                  restricted={restricted}
                  until={until}
                  submitLabel={t("sharing.updateButton")}
                  describedBy={`pro-${card.id}-name`}
                  dateRefused={card.id === refusedFor}
                />
              </div>
            </details>
            <div className="flex flex-wrap gap-3">
              <ProfessionalButton action="retirer" practitionerId={card.id} label={t("sharing.withdrawButton")} describedBy={`pro-${card.id}-name`} />
              {blocked ? null : <ProfessionalButton action="bloquer" practitionerId={card.id} label={t("sharing.blockButton")} describedBy={`pro-${card.id}-name`} />}
              <PreviewLink viewer={`pro:${card.id}`} describedBy={`pro-${card.id}-name`} />
            </div>
          </li>
        ))}
      </ul>
      <Pager label={t("sharing.authorisedPages")} page={shown.page} pageCount={shown.pageCount} hrefFor={paging.hrefFor} />
    </section>
  );
}

/** The professionals the patient blocked: a block beats every authorisation and emergency access. A page at a time. */
export function BlockedList({ overview, paging, reader }: { overview: SharingOverviewProps; paging: ListPaging; reader: Reader }) {
  const shown = pageOf(overview.blocked, paging.page, SHARING_PAGE_SIZE);
  return (
    <section id="bloques" aria-labelledby="bloques-title" className="flex flex-col gap-3">
      <h2 id="bloques-title" className="text-xl font-semibold">
        {t("sharing.blockedTitle")}
      </h2>
      <p className="text-slate-700">{t("sharing.blockedIntro")}</p>
      {overview.blocked.length === 0 ? <p className="text-slate-700">{tv("sharing.blockedNone", reader)}</p> : null}
      <ul className="flex flex-col gap-3">
        {shown.items.map(({ card }) => (
          <li key={card.id} id={`bloque-${card.id}`} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <ProfessionalHeading card={card} id={`bloque-${card.id}-name`} />
            <div className="flex flex-wrap gap-3">
              <ProfessionalButton action="debloquer" practitionerId={card.id} label={t("sharing.unblockButton")} describedBy={`bloque-${card.id}-name`} />
              <PreviewLink viewer={`pro:${card.id}`} describedBy={`bloque-${card.id}-name`} />
            </div>
          </li>
        ))}
      </ul>
      <Pager label={t("sharing.blockedPages")} page={shown.page} pageCount={shown.pageCount} hrefFor={paging.hrefFor} />
    </section>
  );
}
