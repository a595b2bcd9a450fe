import { formatDay } from "@/lib/documents/format";
import { Button } from "@/components/button";
import { FieldError } from "@/components/field-error";
import { TextField } from "@/components/text-field";
import { RELATIONSHIPS, type Relationship } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { SCOPES, type Scope } from "@/server/access/scopes";
import { tv, type Reader } from "@/lib/i18n/voice";
import { RightsFieldset } from "./rights-fieldset";

/**
 * "Inviter un proche": a plain form (works without JavaScript), about the person whose space it
 * is (`reader`), offering the ties that person can have (`relationships`, none chosen in advance).
 * `errors`: the form came back refused for one field (its end date, the person's e-mail…); that
 * field says so itself (aria-invalid, the message read with it), not only the notice at the top
 * of the page.
 * `typed`: what the refused form held, given back (invite-typed.ts).
 */
/** The invitation's fields a refusal can name, each with the words beside it. */
export type InviteErrors = Partial<Record<"prenom" | "nom" | "email" | "lien" | "fin", string>>;

/** Which field a refusal's code names (relatives-notices.ts): the date, a name, the e-mail (also her own address, or one that cannot be invited), the tie. */
const FIELD_OF: Partial<Record<string, keyof InviteErrors>> = { date: "fin", prenom: "prenom", nom: "nom", email: "email", "soi-meme": "email", lien: "lien" };

/** The invitation form's field errors for the code the page came back with, its notice's words beside the field. */
export function inviteErrors(code: string | null, text: string | undefined): InviteErrors {
  const field = code !== null && Object.prototype.hasOwnProperty.call(FIELD_OF, code) ? FIELD_OF[code] : undefined;
  return field && text ? { [field]: text } : {};
}

export function InviteForm({
  defaultEnd,
  earliest,
  latest,
  lastDayIsRepresentations = false,
  reader,
  relationships,
  errors = {},
  typed,
}: {
  defaultEnd: string;
  earliest: string;
  latest: string;
  /** The last day offered is the representation's (relatives-page-data.ts): the hint says which day. */
  lastDayIsRepresentations?: boolean;
  reader: Reader;
  relationships: readonly Relationship[];
  errors?: InviteErrors;
  typed?: { prenom: string; nom: string; email: string; lien: string; droits: string; fin: string };
}) {
  // A tie the form no longer offers is not given back: none chosen, as by default; nor are rights it does not offer.
  const tie = relationships.find((value) => value === typed?.lien) ?? "";
  const rights = typed ? new Set(SCOPES.filter((scope) => typed.droits.split(",").includes(scope))) : new Set<Scope>(["documents:read"]);
  return (
    <section aria-labelledby="inviter" className="flex flex-col gap-3">
      <h2 id="inviter" className="text-xl font-semibold">{t("relativesPage.inviteTitle")}</h2>
      <p className="max-w-prose">{tv("relatives.inviteSafety", reader)}</p>
      <form method="post" action="/api/proches/inviter" className="flex max-w-xl flex-col gap-4">
        <TextField name="prenom" label={t("relativesPage.given")} autoComplete="off" maxLength={80} error={errors.prenom} required defaultValue={typed?.prenom} />
        <TextField name="nom" label={t("relativesPage.family")} autoComplete="off" maxLength={80} error={errors.nom} required defaultValue={typed?.nom} />
        <TextField name="email" type="email" label={t("relativesPage.email")} hint={t("relativesPage.emailHint")} autoComplete="off" maxLength={254} error={errors.email} required defaultValue={typed?.email} />
        <div className="flex flex-col gap-1">
          {/* Marked as TextField marks the others: the one required field without it, the form stopped on it unannounced (a walk of the invitation). */}
          <label htmlFor="field-lien" className="font-semibold text-slate-900">
            {tv("relatives.relationshipLabel", reader)} <span className="text-sm font-normal text-slate-700">{t("form.required")}</span>
          </label>
          {/* No tie chosen in advance: the first one was recorded for whoever did not touch the list, and the
              patient then read « Conjoint ou conjointe » of her neighbour (an exploratory test). « Autre proche »
              by default would be a guess too, only less visible: the inviter says it, the browser asks her to;
              posted empty anyway (no browser check), the form comes back refused, nothing sent. */}
          {errors.lien ? <FieldError id="field-lien-error" text={errors.lien} /> : null}
          <select
            id="field-lien"
            name="lien"
            aria-invalid={errors.lien ? true : undefined}
            aria-describedby={errors.lien ? "field-lien-error" : undefined}
            className="rounded-md border border-slate-500 bg-white px-3 py-2"
            defaultValue={tie}
            required
          >
            <option value="">{t("relativesPage.relationshipChoose")}</option>
            {relationships.map((value) => (
              <option key={value} value={value}>{RELATIONSHIPS[value]}</option>
            ))}
          </select>
        </div>
        <RightsFieldset checked={rights} idPrefix="inviter" reader={reader} />
        <TextField name="fin" type="date" label={t("relativesPage.lastDay")} hint={lastDayIsRepresentations ? t("relativesPage.lastDayHintRepresentation", { day: formatDay(latest) }) : t("relativesPage.lastDayHint")} defaultValue={typed?.fin || defaultEnd} min={earliest} max={latest} error={errors.fin} required />
        <div>
          <Button type="submit">{t("relativesPage.inviteSubmit")}</Button>
        </div>
      </form>
    </section>
  );
}
