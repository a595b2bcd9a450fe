import { frDay } from "@/server/prevention/evaluators/context";
import type { PreventionItem } from "@/server/prevention/types";
import { STATUS_LABELS } from "./texts";

/**
 * For a professional the patient authorises: the vaccinations and screenings due or overdue
 * (patientRecordPageData keeps only those), computed by the same engine (preventionOf) from
 * what this professional may see of the record (read through the repository as them, so
 * audited in the patient's history). The reasons name the patient (preventionOf's
 * `about: "other"`). The date is when the item was due, worded as on the patient's page:
 * « depuis le » alone read as the day it became late, which for a booster the reason puts a
 * year later.
 */
export function ProPreventionSummary({ due }: { due: readonly PreventionItem[] }) {
  return (
    <section aria-labelledby="pro-prevention-title" className="flex flex-col gap-3">
      <h2 id="pro-prevention-title" className="text-xl font-semibold">
        Prévention : à faire
      </h2>
      {due.length === 0 ? <p className="text-slate-700">Aucune vaccination ni aucun dépistage à faire d&apos;après le dossier.</p> : null}
      <ul className="flex flex-col gap-2">
        {due.map((item) => (
          <li key={item.item} className="rounded border border-slate-300 bg-white p-3" data-item={item.item}>
            <p>
              <span className="font-semibold">{item.label}</span> — {STATUS_LABELS[item.status]}
              {item.due ? ` (${item.status === "OVERDUE" ? "prévu" : "recommandé"} depuis le ${frDay(item.due)})` : ""}
            </p>
            <details>
              <summary className="cursor-pointer text-blue-800 underline">Pourquoi ?</summary>
              <p className="mt-1 text-slate-800">{item.reason}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
