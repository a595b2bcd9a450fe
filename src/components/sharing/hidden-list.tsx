import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";
import type { SharingOverviewProps } from "@/server/privacy/sharing-overview";

/** The documents hidden from every professional, each with a way to show it again. */
export function HiddenList({ overview }: { overview: SharingOverviewProps }) {
  return (
    <section id="masques" aria-labelledby="masques-title" className="flex flex-col gap-3">
      <h2 id="masques-title" className="text-xl font-semibold">
        {t("sharing.hiddenTitle")}
      </h2>
      <p className="text-slate-700">{overview.hidden.length ? t("sharing.hiddenIntro") : t("sharing.hiddenNone")}</p>
      <ul className="flex flex-col gap-2">
        {overview.hidden.map((document) => (
          <li key={document.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3">
            <a id={`masque-${document.id}`} href={`/espace/documents/${document.id}`} className="font-semibold">
              {document.title}
            </a>
            <form method="post" action={`/api/documents/${encodeURIComponent(document.id)}/afficher`}>
              <Button type="submit" variant="secondary" aria-describedby={`masque-${document.id}`}>
                {t("sharing.showAgain")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
