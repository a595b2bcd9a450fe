import type { ProfessionalCard } from "@/server/fhir/directory-search";

/** A professional as a list shows them: name, then specialty, town and RPPS number. */
export function ProfessionalHeading({ card, id, badge }: { card: ProfessionalCard; id: string; badge?: string }) {
  const details = [card.specialty, card.town, card.rpps ? `RPPS ${card.rpps}` : undefined].filter(Boolean).join(" · ");
  return (
    <div>
      <p id={id} className="font-semibold">
        {card.name}
        {badge ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal text-slate-900">{badge}</span> : null}
      </p>
      {details ? <p className="text-sm text-slate-700">{details}</p> : null}
    </div>
  );
}
