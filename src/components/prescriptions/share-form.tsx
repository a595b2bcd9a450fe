import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { defaultLinkEnd } from "@/lib/prescriptions/link-end";
import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";

/**
 * "Send to a pharmacy", a plain form post: the passcode is on by default, the end date is 7 days
 * away by default and may not pass the prescription's validity (the server caps it as well).
 */
export function ShareForm({ prescription, now: at }: { prescription: NamedPrescription; now: Date | string }) {
  const now = new Date(at);
  const action = `/api/ordonnances/${encodeURIComponent(prescription.id)}/partager`;
  const max = prescription.validUntil ? parisDayOf(new Date(prescription.validUntil)) : undefined;
  return (
    <section aria-labelledby="share-title" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="share-title" className="text-lg font-semibold">
        {t("share.title")}
      </h2>
      <p className="text-slate-700">{t("share.intro")}</p>
      <form method="post" action={action} className="flex flex-col gap-4">
        <label className="flex items-start gap-2">
          <input type="checkbox" name="code" value="oui" defaultChecked className="mt-1.5" />
          <span>{t("share.passcodeLabel")}</span>
        </label>
        <TextField
          name="fin"
          type="date"
          label={t("share.untilLabel")}
          hint={t("share.untilHint", { date: prescription.validUntil ? formatDay(prescription.validUntil) : "—" })}
          defaultValue={defaultLinkEnd(now, 7, prescription.validUntil)}
          min={parisDayOf(now)}
          max={max}
          required
        />
        <div>
          <Button type="submit">{t("share.submit")}</Button>
        </div>
      </form>
    </section>
  );
}
