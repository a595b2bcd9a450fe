import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { RELATIONSHIPS, type Relationship } from "@/lib/delegations/rights";
import { tv, type Reader } from "@/lib/i18n/voice";
import { RightsFieldset } from "./rights-fieldset";

/**
 * "Inviter un proche": a plain form (works without JavaScript), about the person whose space it
 * is (`reader`), offering the ties that person can have (`relationships`, none chosen in advance).
 * `endError`: the form came back refused for its end date; the field says so itself
 * (aria-invalid, the message read with it), not only the notice at the top of the page.
 */
export function InviteForm({
  defaultEnd,
  earliest,
  latest,
  reader,
  relationships,
  endError,
}: {
  defaultEnd: string;
  earliest: string;
  latest: string;
  reader: Reader;
  relationships: readonly Relationship[];
  endError?: string;
}) {
  return (
    <section aria-labelledby="inviter" className="flex flex-col gap-3">
      <h2 id="inviter" className="text-xl font-semibold">Inviter un proche</h2>
      <p className="max-w-prose">{tv("relatives.inviteSafety", reader)}</p>
      <form method="post" action="/api/proches/inviter" className="flex max-w-xl flex-col gap-4">
        <TextField name="prenom" label="Prénom" autoComplete="off" maxLength={80} required />
        <TextField name="nom" label="Nom" autoComplete="off" maxLength={80} required />
        <TextField name="email" type="email" label="Adresse e-mail" hint="L'invitation part à cette adresse ; seul le compte qui l'utilise pourra l'accepter." autoComplete="off" maxLength={254} required />
        <div className="flex flex-col gap-1">
          <label htmlFor="field-lien" className="font-semibold text-slate-900">{tv("relatives.relationshipLabel", reader)}</label>
          {/* No tie chosen in advance: the first one was recorded for whoever did not touch the list, and the
              patient then read « Conjoint ou conjointe » of her neighbour (an exploratory test). « Autre proche »
              by default would be a guess too, only less visible: the inviter says it, the browser asks her to;
              posted empty anyway (no browser check), the form comes back refused, nothing sent. */}
          <select id="field-lien" name="lien" className="rounded-md border border-slate-500 bg-white px-3 py-2" defaultValue="" required>
            <option value="">Choisissez</option>
            {relationships.map((value) => (
              <option key={value} value={value}>{RELATIONSHIPS[value]}</option>
            ))}
          </select>
        </div>
        <RightsFieldset checked={new Set(["documents:read"])} idPrefix="inviter" reader={reader} />
        <TextField name="fin" type="date" label="Dernier jour de la délégation" hint="Inclus. Un an par défaut, trois ans au plus." defaultValue={defaultEnd} min={earliest} max={latest} error={endError} required />
        <div>
          <Button type="submit">Envoyer l&apos;invitation</Button>
        </div>
      </form>
    </section>
  );
}
