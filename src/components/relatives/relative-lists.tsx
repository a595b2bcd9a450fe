import { Button } from "@/components/button";
import { SwitchSpaceForm } from "./switch-space-form";
import { parisDayOf } from "@/lib/dates/paris-day";
import { formatDateTime, formatDay } from "@/lib/documents/format";
import { givenRightsVoice, rightsInWords } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import type { Space } from "@/server/auth/list-spaces";
import type { InvitationRow } from "@/server/db/delegation-invitation-store";
import type { RelativeShown } from "@/server/delegations/relatives-page-data";
import type { Json } from "@/server/pages/json-props";

export function lastDayOf(end: Date | string | undefined): string {
  return end ? formatDay(parisDayOf(new Date(new Date(end).getTime() - 1))) : t("relativesPage.noEnd");
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
            <p>{t("relativesPage.statusLine", { status: t(`relativesPage.status.${row.accountClosed ? "accountClosed" : row.status}`) })}</p>
            {row.accountClosed ? <p className="font-semibold">{tv("relatives.accountClosed", reader)}</p> : null}
            {row.delegation.measure ? (
              <MeasureLines decision={row.delegation.measure.decision} end={row.delegation.end} ended={row.ended} />
            ) : row.delegation.kind === "guardian" ? (
              <p>{t("relativesPage.guardianRights")}</p>
            ) : (
              <>
                <p>{t("relativesPage.rightsLine", { rights: rightsInWords(row.delegation.scopes, givenRightsVoice(reader.voice)) })}</p>
                {row.ended === "measure" ? (
                  <p>{t("relativesPage.endedWithMeasure")}</p>
                ) : row.ended === "withdrawn" ? (
                  <p>{t("relativesPage.withdrawn")}</p>
                ) : row.ended === "expired" ? (
                  <p>{t("relativesPage.expiredOn", { date: lastDayOf(row.delegation.end) })}</p>
                ) : (
                  <p>
                    {row.delegation.start ? t(row.status === "paused" ? "relativesPage.opensOn" : "relativesPage.since", { date: formatDateTime(row.delegation.start) }) : null}
                    {t("relativesPage.until", { date: lastDayOf(row.delegation.end) })}
                  </p>
                )}
                <p>{t("relativesPage.lastAct", { date: row.lastAct ? formatDateTime(row.lastAct) : t("relativesPage.noActYet") })}</p>
                <div className="mt-2 flex flex-wrap gap-3">
                  {row.status !== "ended" ? (
                    <a href={`/espace/proches/${row.relatedPersonId}`} className="font-semibold text-blue-800 underline">
                      {t("relativesPage.change")}<span className="sr-only">{t("relativesPage.changeOf", { name: row.name })}</span>
                    </a>
                  ) : null}
                  {row.status === "paused" && canConfirm && !row.accountClosed ? (
                    <form method="post" action={`/api/proches/${row.relatedPersonId}/confirmer`}>
                      <Button type="submit" variant="secondary">{t("relativesPage.confirmNow")}<span className="sr-only">{t("relativesPage.confirmFor", { name: row.name })}</span></Button>
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

/** A judge's protection measure: whose decision, until when, set by the assistance; nothing to change here. */
function MeasureLines({ decision, end, ended }: { decision: string; end: Date | string | undefined; ended: RelativeShown["ended"] }) {
  return (
    <>
      <p>{t("relativesPage.measure.decision", { decision })}</p>
      {ended === "withdrawn" ? <p>{t("relativesPage.measure.ended")}</p> : ended === "expired" ? <p>{t("relativesPage.expiredOn", { date: lastDayOf(end) })}</p> : <p>{t("relativesPage.measure.until", { date: lastDayOf(end) })}</p>}
      <p>{t("relativesPage.measure.setBy")}</p>
    </>
  );
}

/** Invitations not yet accepted, each with "annuler". */
export function PendingInvitations({ pending }: { pending: Json<InvitationRow>[] }) {
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="en-attente" className="flex flex-col gap-3">
      <h2 id="en-attente" className="text-xl font-semibold">{t("relativesPage.pendingTitle")}</h2>
      <ul className="flex flex-col gap-3">
        {pending.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3">
            <span>
              {t("relativesPage.pendingLine", { given: invitation.given, family: invitation.family, email: invitation.email, date: formatDateTime(invitation.expiresAt) })}
            </span>
            <form method="post" action={`/api/proches/invitations/${invitation.id}/annuler`}>
              <Button type="submit" variant="secondary">{t("relativesPage.cancel")}<span className="sr-only">{t("relativesPage.cancelOf", { given: invitation.given, family: invitation.family })}</span></Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Les personnes pour qui j'agis": each with a button to open their space. */
export function SpacesIActFor({ spaces, viewerSex, pausedStarts }: { spaces: Space[]; viewerSex: GrammaticalSex; pausedStarts: Json<Date[]> }) {
  const others = spaces.filter((space) => space.kind !== "self");
  return (
    <section aria-labelledby="pour-eux" className="flex flex-col gap-3">
      <h2 id="pour-eux" className="text-xl font-semibold">{t("relativesPage.spacesTitle")}</h2>
      {others.length === 0 && pausedStarts.length === 0 ? <p>{t("relativesPage.spacesNone")}</p> : null}
      {pausedStarts.length > 0 ? (
        <ul className="flex flex-col gap-1">
          {pausedStarts.map((start, index) => (
            <li key={`${start}-${index}`}>{t("relativesPage.pausedStart", { date: formatDateTime(start) })}</li>
          ))}
        </ul>
      ) : null}
      <ul className="flex flex-col gap-3">
        {others.map((space) => (
          <li key={space.patientId} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3">
            <div className="flex flex-col gap-1">
              <span id={`espace-${space.patientId}`}>
                {space.name} — {t(`relativesPage.${space.kind === "guardian" ? "asGuardian" : "asCaregiver"}.${viewerSex}`)}
              </span>
              {space.rights ? <span>{t("relativesPage.yourRights", { rights: rightsInWords(space.rights, "theirs") })}</span> : null}
            </div>
            {space.current ? (
              <span className="text-sm text-slate-700">{t("relativesPage.spaceOpen")}</span>
            ) : (
              <SwitchSpaceForm patientId={space.patientId}>
                {/* The person's name in the button's own name (screen readers only), as on the home page's
                    list of spaces: a list of buttons read « Ouvrir son espace » twice, nothing to tell whose. */}
                <Button type="submit" variant="secondary" aria-describedby={`espace-${space.patientId}`}>
                  {t("relativesPage.openSpace")}
                  <span className="sr-only">{t("patientHome.openWhose", { name: space.name })}</span>
                </Button>
              </SwitchSpaceForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
