import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { GrowthChart } from "@/components/children/growth-chart";
import { GrowthTable } from "@/components/children/growth-table";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { queryValue } from "@/server/pages/query-page";
import { GUARDIAN_TIE_SENTENCE } from "@/server/children/guardian-tie";
import { MEASURES } from "@/server/children/growth-measures";
import { GROWTH_NOTICE_FIELD, GROWTH_NOTICES, type GrowthFormField } from "@/server/children/growth-notices";
import { FieldError } from "@/components/field-error";
import { growthPageData, type GrowthPageData } from "@/server/children/growth-page-data";
import { growthTypedOfPage, type GrowthTyped } from "@/server/children/growth-typed";
import { GROWTH_REFERENCE_NAME } from "@/server/children/growth-reference";
import { AGE_OF_MAJORITY } from "@/server/children/majority";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): the charts are SVG drawn on the server, the form a plain post.
 */
export const config = { unstable_runtimeJS: false };

/** `typed`: what the form held when it was refused (growth-typed.ts), given back to its fields. */
type Data = GrowthPageData & { typed: GrowthTyped | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query, req }) => {
  const data = await growthPageData(scope, queryValue(query.message));
  return data ? { title: t("growth.title"), data: { ...data, typed: growthTypedOfPage(scope, req, data.notice) } } : NOT_FOUND;
});

const FIELD = "rounded border px-2 py-1";
const ERROR_ID = "mesure-erreur";

/**
 * A field's attributes: the one a refusal is about is marked invalid, says why (its error is
 * read with it) and has the focus when the page loads (the browser's autofocus, no script).
 */
function fieldState(field: GrowthFormField, faulty: GrowthFormField | undefined, hint?: string) {
  const invalid = field === faulty;
  const describedBy = [hint, invalid ? ERROR_ID : undefined].filter(Boolean).join(" ") || undefined;
  return {
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": describedBy,
    autoFocus: invalid,
    className: `${FIELD} ${invalid ? "border-red-700" : "border-slate-500"}`,
  };
}

/**
 * The child's carnet de santé: growth measures drawn on the reference curves (SVG drawn here,
 * with the same data as tables), a form for the guardian to add a measure (a plain form post,
 * works without JavaScript), and the child's certificates, which are documents.
 */
export default function GrowthPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const notice = data.notice ? GROWTH_NOTICES[data.notice] : undefined;
  const { name, sex } = data;
  const faulty = data.notice ? GROWTH_NOTICE_FIELD[data.notice] : undefined;
  // Said beside the field at fault, which takes the focus; the box says what concerns the whole form.
  // « Rien n'a été enregistré » too: the other values are still in the form, and might read as saved.
  const fieldError = (field: GrowthFormField) => (notice && field === faulty ? <FieldError id={ERROR_ID} text={`${notice.text} ${t("growth.notices.nothingSaved")}`} /> : null);
  const typed = data.typed;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("growth.title")} description={t("prevention.carnet.growthIntro", { name })}>
        {notice && !faulty ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <p className="flex flex-wrap gap-4">
          <a href="/espace/prevention/carnet" className="font-semibold text-blue-800 underline underline-offset-4">
            {t("growth.vaccinationLink")}
          </a>
          <a href="/espace/prevention/carnet/certificat" className="font-semibold text-blue-800 underline underline-offset-4">
            {t("growth.certificateLink")}
          </a>
        </p>
      </PageHeader>

      {data.guardian ? (
        <section aria-labelledby="guardians-title" className="flex flex-col gap-2">
          <h2 id="guardians-title" className="text-xl font-semibold">
            {t("growth.guardiansTitle")}
          </h2>
          <p>{GUARDIAN_TIE_SENTENCE}</p>
          <p>{t("growth.minorSecret", { name })}</p>
          {data.guardian.ofAgeOn ? (
            <p>
              {t("growth.ofAge", { name, age: AGE_OF_MAJORITY, date: data.guardian.ofAgeOn })}
            </p>
          ) : null}
        </section>
      ) : null}

      {data.canWrite ? (
        <section aria-labelledby="add-title" className="flex flex-col gap-3">
          <h2 id="add-title" className="text-xl font-semibold">
            {t("growth.addTitle")}
          </h2>
          <form method="post" action="/espace/carnet-enfant/mesure" className="flex max-w-xl flex-col gap-3">
            <input type="hidden" name="espace" value={data.patientId} />
            <label htmlFor="date" className="font-semibold">
              {t("growth.date")}
            </label>
            {fieldError("date")}
            <input id="date" type="date" name="date" required max={data.today} min={data.birthDate ?? undefined} defaultValue={typed?.date || data.today} {...fieldState("date", faulty)} />
            <p id="numbers-hint" className="text-sm text-slate-700">
              {t("growth.numbersHint")}
            </p>
            <label htmlFor="poids" className="font-semibold">
              {t("growth.weight")}
            </label>
            {fieldError("poids")}
            <input id="poids" name="poids" type="text" inputMode="decimal" autoComplete="off" defaultValue={typed?.poids} {...fieldState("poids", faulty, "numbers-hint")} />
            <label htmlFor="taille" className="font-semibold">
              {t("growth.height")}
            </label>
            {fieldError("taille")}
            <input id="taille" name="taille" type="text" inputMode="decimal" autoComplete="off" defaultValue={typed?.taille} {...fieldState("taille", faulty, "numbers-hint")} />
            <label htmlFor="perimetre" className="font-semibold">
              {t("growth.headCircumference")}
            </label>
            {fieldError("perimetre")}
            <input id="perimetre" name="perimetre" type="text" inputMode="decimal" autoComplete="off" defaultValue={typed?.perimetre} {...fieldState("perimetre", faulty, "numbers-hint")} />
            <div>
              <Button type="submit">{t("growth.add")}</Button>
            </div>
          </form>
        </section>
      ) : null}

      {data.measures.map(({ measure, points, chart }) => (
        <section key={measure} aria-labelledby={`${measure}-title`} className="flex flex-col gap-3">
          <h2 id={`${measure}-title`} className="text-xl font-semibold">
            {MEASURES[measure].label}
          </h2>
          {sex && chart ? (
            <GrowthChart id={`chart-${measure}`} measure={measure} sex={sex} points={points} currentAge={data.currentAge} />
          ) : (
            <p>{t("growth.noReference")}</p>
          )}
          <GrowthTable measure={measure} points={points} />
        </section>
      ))}

      <section aria-labelledby="certificates-title" className="flex flex-col gap-3">
        <h2 id="certificates-title" className="text-xl font-semibold">
          {t("growth.certificatesTitle")}
        </h2>
        {data.certificates.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {data.certificates.map((document) => (
              <li key={document.id}>
                <a href={`/espace/documents/${document.id}`} className="font-semibold text-blue-800 underline underline-offset-4">
                  {document.title}
                </a>
                {document.day ? <span className="text-slate-700">{` — ${document.day}`}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("growth.noCertificates")}</p>
        )}
        <p>
          <a href="/espace/documents/ajouter" className="font-semibold text-blue-800 underline underline-offset-4">
            {t("growth.addCertificate")}
          </a>
        </p>
      </section>

      <p className="text-sm text-slate-700">
        {t("growth.referenceNote", { reference: GROWTH_REFERENCE_NAME })}
      </p>
    </div>
  );
}
