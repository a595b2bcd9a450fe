import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { env } from "@/server/env";
import { EMERGENCY_FORM } from "@/server/emergency/emergency-form-cookie";
import { emergencyPageData, type EmergencyPageData } from "@/server/emergency/emergency-page-data";
import { mayBreakGlass } from "@/server/emergency/may-break-glass";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { typedOfRequest } from "@/server/http/typed-form-cookie";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why): one plain form. */
export const config = { unstable_runtimeJS: false };

// The first of a repeated ?erreur=, as the page did under the App Router. What a refused form
// held comes back from its sealed cookie, for this session only (emergency-form-cookie.ts).
export const getServerSideProps = framedPage<EmergencyPageData>("practitioner", async ({ repo, session }, { query, req }) => ({
  title: t("emergency.title"),
  data: emergencyPageData(
    Array.isArray(query.erreur) ? query.erreur[0] : query.erreur,
    await mayBreakGlass(repo),
    typedOfRequest(EMERGENCY_FORM, env().APP_ENV === "production", req.headers.cookie, session.sessionId),
  ),
}));

/**
 * Break-glass: identify the patient (name and birth date, or INS) and type a reason. A plain
 * form post; the answer never says whether the patient exists when access is refused. A
 * professional whose role does not allow it is told so, without the form.
 */
export default function EmergencyPage({ data }: FramedProps<EmergencyPageData>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <a href="/pro" className="font-semibold">
          ← {t("pro.backToPatients")}
        </a>
      </p>
      <PageHeader title={t("emergency.title")} description={t("emergency.intro")} />
      {data.allowed ? null : <Alert tone="info">{t("emergency.role")}</Alert>}
      {data.allowed && data.error ? <Alert tone="error">{t(data.error)}</Alert> : null}
      {data.allowed ? <EmergencyForm reason={data.reason} typed={data.typed} /> : null}
    </div>
  );
}

/** The form itself: who the patient is, and why; filled again with what was typed when it comes back refused. */
function EmergencyForm({ reason, typed }: { reason: EmergencyPageData["reason"]; typed: EmergencyPageData["typed"] }) {
  return (
    <form method="post" action="/pro/urgence/ouvrir" className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 font-semibold">{t("emergency.identityTitle")}</legend>
        <p className="text-sm text-slate-700">{t("emergency.identityHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="nom" label={t("emergency.family")} autoComplete="off" maxLength={100} defaultValue={typed?.nom} />
          <TextField name="prenom" label={t("emergency.given")} autoComplete="off" maxLength={100} defaultValue={typed?.prenom} />
          <TextField name="naissance" type="date" label={t("emergency.birthDate")} defaultValue={typed?.naissance} />
          <TextField name="ins" label={t("emergency.ins")} hint={t("emergency.insHint")} inputMode="numeric" autoComplete="off" maxLength={20} defaultValue={typed?.ins} />
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="field-motif" className="font-semibold">
          {t("emergency.reason")} <span className="text-sm font-normal text-slate-700">{t("form.required")}</span>
        </label>
        <p id="field-motif-hint" className="text-sm text-slate-700">
          {t("emergency.reasonHint")}
        </p>
        <textarea
          id="field-motif"
          name="motif"
          required
          minLength={reason.min}
          maxLength={reason.max}
          rows={4}
          aria-describedby="field-motif-hint"
          defaultValue={typed?.motif}
          className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
        />
      </div>
      <div>
        <Button type="submit">{t("emergency.submit")}</Button>
      </div>
    </form>
  );
}
