import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";

const CONTENTS = ["documents", "vaccinations", "prescriptions", "record", "sharing"] as const;

/**
 * /espace/copie: what the copy of the record holds, in plain words, and the button that downloads
 * it. A plain form (POST, the origin checked as for every form of the space): no script needed.
 */
export function RecordCopyView({ reader, tooMany }: { reader: Reader; tooMany: boolean }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={tv("recordCopy.title", reader)} description={tv("recordCopy.intro", reader)} />
      {tooMany ? <Alert tone="error">{t("recordCopy.tooMany")}</Alert> : null}
      <section aria-labelledby="contenu-copie" className="flex flex-col gap-3">
        <h2 id="contenu-copie" className="text-xl font-semibold">
          {t("recordCopy.contentsTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {CONTENTS.map((part) => (
            <li key={part}>{tv(`recordCopy.contents.${part}`, reader)}</li>
          ))}
          <li>{t("recordCopy.contents.readme")}</li>
        </ul>
        <p>{t("recordCopy.format")}</p>
      </section>
      <p>{t("recordCopy.care")}</p>
      <p>{tv("recordCopy.trail", reader)}</p>
      <form method="post" action="/api/dossier/copie" className="flex flex-col gap-2">
        <p className="text-slate-700">{t("recordCopy.duration")}</p>
        <div>
          <Button type="submit">{t("recordCopy.submit")}</Button>
        </div>
      </form>
    </div>
  );
}
