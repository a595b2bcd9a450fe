import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";
import type { SharedPrescriptionView } from "@/server/prescriptions/view-shared-prescription";
import { agreeWith } from "@/lib/i18n/plural";
import { formatDateTime } from "@/lib/documents/format";
import { lastDispensation } from "@/server/prescriptions/prescription-model";

/**
 * Line by line, what the pharmacist hands over today: nothing, all that one dispensation may
 * hand over (the rest, or the fill under way when renewals follow: dispensableAtOnce), or a part.
 * The form carries the state it was drawn from and its own key, so it records once and never
 * over someone else's dispensation.
 */
export function DispenseForm({ linkId, view }: { linkId: string; view: SharedPrescriptionView }) {
  // Nothing of a line outside its own validity (dispensableNow 0): record-dispense.ts refuses it too.
  const open = view.prescription.lines.filter((line) => line.dispensableNow > 0);
  return (
    <section aria-labelledby="dispense-title" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="dispense-title" className="text-lg font-semibold">
        {t("pharmacist.dispenseTitle")}
      </h2>
      <p className="text-slate-700">{t("pharmacist.dispenseIntro")}</p>
      <form method="post" action={`/p/${linkId}/delivrer`} className="flex flex-col gap-5">
        <input type="hidden" name="cle-formulaire" value={view.formKey} />
        <input type="hidden" name="etat" value={view.state} />
        {open.map((line) => {
          const id = line.requestId;
          // When this line was last handed over. Nothing stopped a pharmacist from recording a
          // renewal minutes after the first fill: the form says, beside the line, when the last one
          // was and the rule of renewals. « Le renouvellement de la délivrance d'un médicament ne
          // peut avoir lieu qu'après un délai déterminé résultant de la posologie et des quantités
          // précédemment délivrées » (code de la santé publique, art. R. 5132-14, as the Ordre
          // national des pharmaciens' fiche « Délivrance en officine des médicaments relevant des
          // listes I et II » quotes it). The delay depends on a dosage the portal holds as text
          // only, so it is the pharmacist's to judge: said, not enforced.
          const last = lastDispensation(view.prescription.dispensations, id)?.when;
          return (
            <fieldset key={id} className="flex flex-col gap-2 rounded-md border border-slate-300 p-3">
              <legend className="px-1 font-semibold">{line.medication}</legend>
              <input type="hidden" name={`reste-${id}`} value={line.dispensableNow} />
              <p className="text-sm text-slate-700">{t("pharmacist.remaining", { quantity: line.remainingQuantity, unit: agreeWith(line.remainingQuantity, line.unit) })}</p>
              {last ? <p className="text-sm text-slate-700">{t("pharmacist.lastHandedOver", { when: formatDateTime(last) })}</p> : null}
              {line.dispensableNow < line.remainingQuantity ? (
                <p className="text-sm text-slate-700">{t("pharmacist.atOnce", { quantity: line.dispensableNow, unit: agreeWith(line.dispensableNow, line.unit) })}</p>
              ) : null}
              <label className="flex items-center gap-2">
                <input type="radio" name={`choix-${id}`} value="aucun" defaultChecked />
                <span>{t("pharmacist.optionNone")}</span>
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name={`choix-${id}`} value="tout" />
                <span>
                  {t(line.dispensableNow < line.remainingQuantity ? "pharmacist.optionFill" : "pharmacist.optionFull", {
                    quantity: line.dispensableNow,
                    unit: agreeWith(line.dispensableNow, line.unit),
                  })}
                </span>
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name={`choix-${id}`} value="partie" />
                <span>{t("pharmacist.optionPartial")}</span>
              </label>
              <div className="flex flex-col gap-1 pl-6">
                <label htmlFor={`quantite-${id}`} className="text-sm font-semibold">
                  {t("pharmacist.quantity", { unit: agreeWith(2, line.unit) })}
                </label>
                <input
                  id={`quantite-${id}`}
                  name={`quantite-${id}`}
                  type="number"
                  min={1}
                  max={line.dispensableNow}
                  step={1}
                  inputMode="numeric"
                  className="w-32 rounded-md border border-slate-500 bg-white px-3 py-2"
                />
              </div>
            </fieldset>
          );
        })}
        <div>
          <Button type="submit">{t("pharmacist.record")}</Button>
        </div>
      </form>
    </section>
  );
}
