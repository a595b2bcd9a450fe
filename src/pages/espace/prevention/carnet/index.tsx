import { Button } from "@/components/button";
import { FieldError } from "@/components/field-error";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachNotice } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { PreventionNoticeAlert } from "@/components/prevention/notice-alert";
import { VaccinationTable } from "@/components/prevention/vaccination-table";
import { t } from "@/lib/i18n/messages";
import { readerOf } from "@/lib/i18n/voice";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { vaccinationRecordPageData, type VaccinationRecordPageData } from "@/server/prevention/vaccination-record-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): a table and a plain form posting to /espace/prevention/carnet/ajouter.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<VaccinationRecordPageData>("patient", async (scope, { query }) => ({
  title: t("prevention.carnet.title"),
  data: await vaccinationRecordPageData(scope, query.message),
}));

/**
 * The vaccination record: every Immunization the actor may see, and a form to add one (declared).
 * In another person's space its heading names her, by the banner's name (voice.ts), as the link
 * that leads here and the prevention page's heading do: « Carnet de vaccination » alone read as
 * the parent's own.
 */
export default function VaccinationRecordPage({ frame, data }: FramedProps<VaccinationRecordPageData>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  const title = reader.voice === "theirs" && reader.person ? t("prevention.carnet.titleOf", { name: reader.person }) : t("prevention.carnet.title");
  // Refused for one field, that field says so itself (aria-invalid, its error read with it), not only the notice above.
  const dateError = data.notice === "date-invalide";
  const lotError = data.notice === "lot-invalide";
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={title} description={t("prevention.carnet.intro")}>
        <PreventionNoticeAlert notice={data.notice} />
        <p className="flex flex-wrap gap-4">
          <a href="/espace/prevention" className="font-semibold text-blue-800 underline underline-offset-4">
            {t("prevention.carnet.back")}
          </a>
          {data.recordOutOfReach ? null : (
            <a href="/espace/prevention/carnet/certificat" className="font-semibold text-blue-800 underline underline-offset-4">
              {t("prevention.carnet.certificateLink")}
            </a>
          )}
          {data.guardian ? (
            <a href="/espace/carnet-enfant" className="font-semibold text-blue-800 underline underline-offset-4">
              {t("prevention.carnet.growthLink")}
            </a>
          ) : null}
        </p>
      </PageHeader>
      {data.recordOutOfReach ? (
        <>
          <OutOfReachNotice part="record" />
          <p className="max-w-prose">{t("prevention.vaccinationsOutOfReach")}</p>
        </>
      ) : (
        <VaccinationTable immunizations={data.immunizations} caption={t("prevention.carnet.tableCaption")} />
      )}
      {data.canWrite ? (
        <section aria-labelledby="add-title" className="flex flex-col gap-3">
          <h2 id="add-title" className="text-xl font-semibold">
            {t("prevention.carnet.addTitle")}
          </h2>
          <form method="post" action="/espace/prevention/carnet/ajouter" className="flex max-w-xl flex-col gap-3">
            <label htmlFor="product" className="font-semibold">
              {t("prevention.carnet.vaccine")}
            </label>
            <select id="product" name="product" required className="rounded border border-slate-500 px-2 py-1">
              {data.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.disease}
                </option>
              ))}
            </select>
            <label htmlFor="date" className="font-semibold">
              {t("prevention.carnet.date")}
            </label>
            {dateError ? <FieldError id="date-error" text={t("prevention.carnet.dateError")} /> : null}
            <input
              id="date"
              type="date"
              name="date"
              required
              max={data.today}
              defaultValue={data.today}
              aria-invalid={dateError || undefined}
              aria-describedby={dateError ? "date-error" : undefined}
              className="rounded border border-slate-500 px-2 py-1"
            />
            <label htmlFor="lot" className="font-semibold">
              {t("prevention.carnet.lot")}
            </label>
            {lotError ? <FieldError id="lot-error" text={t("prevention.carnet.lotError")} /> : null}
            <input id="lot" type="text" name="lot" maxLength={40} aria-invalid={lotError || undefined} aria-describedby={lotError ? "lot-error" : undefined} className="rounded border border-slate-500 px-2 py-1" />
            <div>
              <Button type="submit">{t("prevention.carnet.add")}</Button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
