import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";
import type { SharingOverviewProps } from "@/server/privacy/sharing-overview";
import { formatDay } from "@/lib/documents/format";
import { relativeViewer } from "./relative-viewer";

import { tv, type Reader } from "@/lib/i18n/voice";
/**
 * "Voir comme…": choose a viewer among the professionals the patient authorised or blocked, a
 * professional under emergency access, each caregiver, each active pharmacy link; any other
 * professional from the search's "Voir comme". A GET form: the preview is a page of its own.
 */
export function PreviewPicker({ overview, selected, reader }: { overview: SharingOverviewProps; selected?: string; reader: Reader }) {
  // Once each: an authorised professional who is blocked too is in both lists.
  const professionals = [...overview.authorised.filter(({ blocked }) => !blocked), ...overview.blocked].map(({ card }) => ({ value: `pro:${card.id}`, label: card.name }));
  const others = [
    { value: "urgence", label: t("sharing.viewerEmergency") },
    ...overview.delegations.map((d) => ({ value: `proche:${d.relatedPersonId}`, label: relativeViewer(d) })),
    ...overview.links.map((link) => ({ value: `lien:${link.id}`, label: t("sharing.viewerLink", { date: formatDay(link.expiresAt) }) })),
  ];
  return (
    <section id="apercu" aria-labelledby="apercu-title" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="apercu-title" className="text-xl font-semibold">
        {t("sharing.previewTitle")}
      </h2>
      <p className="text-slate-700">{tv("sharing.previewIntro", reader)}</p>
      <form method="get" action="/espace/partage/apercu" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="vue" className="font-semibold">
            {tv("sharing.previewLabel", reader)}
          </label>
          <select id="vue" name="vue" defaultValue={selected} className="max-w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900">
            {professionals.length ? (
              <optgroup label={t("sharing.viewerGroupProfessionals")}>
                {professionals.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("sharing.viewerGroupOthers")}>
              {others.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <Button type="submit">{t("sharing.previewButton")}</Button>
      </form>
      <p className="text-sm text-slate-700">{t("sharing.searchOtherProfessional")}</p>
    </section>
  );
}
