import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from "@/server/emergency/emergency-request";

export const metadata: Metadata = { title: t("emergency.title") };

const ERRORS = { refuse: "emergency.refused", invalide: "emergency.invalid", limite: "emergency.throttled", role: "emergency.role" } as const;

/**
 * Break-glass: identify the patient (name and birth date, or INS) and type a reason. A plain
 * form post; the answer never says whether the patient exists when access is refused.
 */
export default async function EmergencyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageScope();
  const raw = (await searchParams).erreur;
  const code = Array.isArray(raw) ? raw[0] : raw;
  const error = code && Object.hasOwn(ERRORS, code) ? t(ERRORS[code as keyof typeof ERRORS]) : undefined;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/pro" className="font-semibold">
          ← {t("pro.backToPatients")}
        </Link>
      </p>
      <PageHeader title={t("emergency.title")} description={t("emergency.intro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/pro/urgence/ouvrir" className="flex flex-col gap-5">
        <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
          <legend className="px-1 font-semibold">{t("emergency.identityTitle")}</legend>
          <p className="text-sm text-slate-700">{t("emergency.identityHint")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="nom" label={t("emergency.family")} autoComplete="off" maxLength={100} />
            <TextField name="prenom" label={t("emergency.given")} autoComplete="off" maxLength={100} />
            <TextField name="naissance" type="date" label={t("emergency.birthDate")} />
            <TextField name="ins" label={t("emergency.ins")} hint={t("emergency.insHint")} inputMode="numeric" autoComplete="off" maxLength={20} />
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
            minLength={EMERGENCY_REASON_MIN}
            maxLength={EMERGENCY_REASON_MAX}
            rows={4}
            aria-describedby="field-motif-hint"
            className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
          />
        </div>
        <div>
          <Button type="submit">{t("emergency.submit")}</Button>
        </div>
      </form>
    </div>
  );
}
