import { Button } from "@/components/button";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatDateTime, formatDay } from "@/lib/documents/format";
import { givenRightsVoice, rightsInWords } from "@/lib/delegations/rights";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import type { Space } from "@/server/auth/list-spaces";
import type { InvitationRow } from "@/server/db/delegation-invitation-store";
import type { RelativeShown } from "@/server/delegations/relatives-page-data";
import type { Json } from "@/server/pages/json-props";

const STATUS: Record<RelativeShown["status"], string> = { active: "Active", paused: "En attente (pause de 24 heures)", ended: "Terminée" };

export function lastDayOf(end: Date | string | undefined): string {
  return end ? formatDay(parisDayOf(new Date(new Date(end).getTime() - 1))) : "sans date de fin";
}

/**
 * "Les personnes qui peuvent agir pour moi": rights, since, until, and the page to change them.
 * To a guardian managing a child's space (`reader`), about the child: « … pour Léo Martin »,
 * « voir ses documents ».
 */
export function ActingForMe({ relatives, canConfirm, reader }: { relatives: Json<RelativeShown>[]; canConfirm: boolean; reader: Reader }) {
  return (
    <section aria-labelledby="pour-moi" className="flex flex-col gap-3">
      <h2 id="pour-moi" className="text-xl font-semibold">{tv("relatives.actingForTitle", reader)}</h2>
      {relatives.length === 0 ? <p>{tv("relatives.actingForNone", reader)}</p> : null}
      <ul className="flex flex-col gap-3">
        {relatives.map((row) => (
          <li key={row.relatedPersonId} className="rounded-lg border border-slate-300 bg-white px-4 py-3">
            <h3 className="font-semibold">
              {row.name}
              {row.relationship ? <span className="font-normal text-slate-700"> ({row.relationship})</span> : null}
            </h3>
            <p>État : {STATUS[row.status]}</p>
            {row.delegation.kind === "guardian" ? (
              <p>Représentant légal : tous les droits. Le retirer relève d&apos;une décision de justice, pas de ce portail.</p>
            ) : (
              <>
                <p>Droits : {rightsInWords(row.delegation.scopes, givenRightsVoice(reader.voice))}</p>
                {row.ended === "withdrawn" ? (
                  <p>Retirée avant sa date de fin : elle ne s&apos;applique plus.</p>
                ) : row.ended === "expired" ? (
                  <p>Terminée le {lastDayOf(row.delegation.end)} au soir, sa date de fin.</p>
                ) : (
                  <p>
                    {row.delegation.start ? <>Depuis le {formatDateTime(row.delegation.start)}, </> : null}
                    jusqu&apos;au {lastDayOf(row.delegation.end)} inclus
                  </p>
                )}
                <p>Dernière action : {row.lastAct ? formatDateTime(row.lastAct) : "aucune pour l'instant"}</p>
                <div className="mt-2 flex flex-wrap gap-3">
                  {row.status !== "ended" ? (
                    <a href={`/espace/proches/${row.relatedPersonId}`} className="font-semibold text-blue-800 underline">
                      Modifier ou retirer<span className="sr-only"> la délégation de {row.name}</span>
                    </a>
                  ) : null}
                  {row.status === "paused" && canConfirm ? (
                    <form method="post" action={`/api/proches/${row.relatedPersonId}/confirmer`}>
                      <Button type="submit" variant="secondary">Confirmer maintenant<span className="sr-only"> pour {row.name}</span></Button>
                    </form>
                  ) : null}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Invitations not yet accepted, each with "annuler". */
export function PendingInvitations({ pending }: { pending: Json<InvitationRow>[] }) {
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="en-attente" className="flex flex-col gap-3">
      <h2 id="en-attente" className="text-xl font-semibold">Invitations en attente</h2>
      <ul className="flex flex-col gap-3">
        {pending.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3">
            <span>
              {invitation.given} {invitation.family} ({invitation.email}), valable jusqu&apos;au {formatDateTime(invitation.expiresAt)}
            </span>
            <form method="post" action={`/api/proches/invitations/${invitation.id}/annuler`}>
              <Button type="submit" variant="secondary">Annuler<span className="sr-only"> l&apos;invitation de {invitation.given} {invitation.family}</span></Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Agreed with the viewer's recorded sex; worded so that it need not agree when it is not known. */
const AS_GUARDIAN: Record<GrammaticalSex, string> = { female: "vous êtes sa représentante légale", male: "vous êtes son représentant légal", unknown: "vous exercez sa représentation légale" };
const AS_CAREGIVER: Record<GrammaticalSex, string> = { female: "vous êtes son aidante", male: "vous êtes son aidant", unknown: "vous agissez pour cette personne" };

/** "Les personnes pour qui j'agis": each with a button to open their space. */
export function SpacesIActFor({ spaces, viewerSex, pausedStarts }: { spaces: Space[]; viewerSex: GrammaticalSex; pausedStarts: Json<Date[]> }) {
  const others = spaces.filter((space) => space.kind !== "self");
  return (
    <section aria-labelledby="pour-eux" className="flex flex-col gap-3">
      <h2 id="pour-eux" className="text-xl font-semibold">Les personnes pour qui j&apos;agis</h2>
      {others.length === 0 && pausedStarts.length === 0 ? <p>Vous n&apos;agissez pour personne.</p> : null}
      {pausedStarts.length > 0 ? (
        <ul className="flex flex-col gap-1">
          {pausedStarts.map((start, index) => (
            <li key={`${start}-${index}`}>Invitation acceptée : vous pourrez agir pour cette personne à partir du {formatDateTime(start)}, sauf si elle confirme plus tôt ou annule.</li>
          ))}
        </ul>
      ) : null}
      <ul className="flex flex-col gap-3">
        {others.map((space) => (
          <li key={space.patientId} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3">
            <div className="flex flex-col gap-1">
              <span id={`espace-${space.patientId}`}>
                {space.name} — {(space.kind === "guardian" ? AS_GUARDIAN : AS_CAREGIVER)[viewerSex]}
              </span>
              {space.rights ? <span>Vos droits : {rightsInWords(space.rights, "theirs")}</span> : null}
            </div>
            {space.current ? (
              <span className="text-sm text-slate-700">Espace ouvert</span>
            ) : (
              <form method="post" action="/espace/espace-actif">
                <input type="hidden" name="patientId" value={space.patientId} />
                <Button type="submit" variant="secondary" aria-describedby={`espace-${space.patientId}`}>Ouvrir son espace</Button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
