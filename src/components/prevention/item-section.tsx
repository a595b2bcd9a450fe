import type { PreventionItem } from "@/server/prevention/types";
import type { Reader } from "@/lib/i18n/voice";
import { ItemCard } from "./item-card";

/**
 * One group of a prevention calendar (« À faire maintenant », « Bientôt », « À jour »): its
 * heading, a sentence when it is empty, its items. The patient's page and a professional's tab
 * show the same groups; only the patient (or a parent) may write (`canWrite`).
 */
export function ItemSection({
  title,
  id,
  items,
  empty,
  today,
  canWrite,
  reader,
  silenced = () => false,
  dateRefused,
  typedDay,
}: {
  title: string;
  id: string;
  items: readonly PreventionItem[];
  empty: string;
  today: string;
  canWrite: boolean;
  reader: Reader;
  silenced?: (item: PreventionItem) => boolean;
  /** The item whose « C'est fait » came back refused for its day, if any (its card marks the field). */
  dateRefused?: string;
  /** The day that refused form held, given back to its field (done-typed.ts). */
  typedDay?: string;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {items.length === 0 ? <p className="text-slate-700">{empty}</p> : null}
      <ul className="flex flex-col gap-4">
        {items.map((item) => (
          <ItemCard key={item.item} item={item} today={today} silenced={silenced(item)} canWrite={canWrite} reader={reader} dateRefused={item.item === dateRefused} typedDay={item.item === dateRefused ? typedDay : undefined} />
        ))}
      </ul>
    </section>
  );
}
