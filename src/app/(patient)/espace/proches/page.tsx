import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { CopyLinkButton } from "@/components/prescriptions/copy-link-button";
import { InviteForm } from "@/components/relatives/invite-form";
import { ActingForMe, PendingInvitations, SpacesIActFor } from "@/components/relatives/relative-lists";
import { relativesNotice } from "@/components/relatives/relatives-notice";
import { listSpaces } from "@/server/auth/list-spaces";
import { requestContext } from "@/server/auth/request-context";
import { now } from "@/server/clock";
import { invitationLinkCookie, openInvitationLink } from "@/server/delegations/invitation-link-cookie";
import { endDayBounds, mayManageDelegations } from "@/server/delegations/invitation-state";
import { listRelatives } from "@/server/delegations/list-relatives";
import { requirePageScope } from "@/server/documents/request-repository";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Proches et délégations" };

/**
 * "Proches et délégations": who can act for this space, the invitations pending, and the spaces
 * the person acts in. Managing is for the patient, or a guardian in a minor's space; a
 * caregiver acting here sees only the spaces they can open. Plain forms: works without JavaScript.
 */
export default async function RelativesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, actor, repo } = await requirePageScope();
  const { message } = await searchParams;
  const notice = relativesNotice(Array.isArray(message) ? message[0] : message);
  const manages = mayManageDelegations(actor);
  const overview = manages ? await listRelatives(repo) : undefined;
  const spaces = await listSpaces(session, actor, await requestContext(session), now());
  const link = openInvitationLink((await cookies()).get(invitationLinkCookie(env().APP_ENV === "production").name)?.value, session.sessionId);
  const bounds = endDayBounds(now());
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Proches et délégations" description="Choisissez qui peut agir pour vous, avec quels droits et jusqu'à quand." />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {link ? (
        <section aria-labelledby="lien-cree" className="flex flex-col gap-2 rounded-lg border border-blue-800 bg-blue-50 p-4">
          <h2 id="lien-cree" className="text-lg font-semibold">Lien d&apos;invitation à copier</h2>
          <p>Ce lien n&apos;est affiché qu&apos;ici, quelques minutes. Il ne sert qu&apos;une fois et expire dans 7 jours.</p>
          <label htmlFor="lien-invitation" className="font-semibold">Lien d&apos;invitation</label>
          <input id="lien-invitation" readOnly value={link} className="w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm" />
          <CopyLinkButton inputId="lien-invitation" labels={{ copy: "Copier le lien", copied: "Lien copié.", copyFailed: "La copie n'a pas marché : le lien est sélectionné, copiez-le vous-même." }} />
        </section>
      ) : null}
      {overview ? (
        <>
          <ActingForMe relatives={overview.relatives} canConfirm={actor.kind === "patient"} />
          <PendingInvitations pending={overview.pending} />
          <InviteForm defaultEnd={bounds.byDefault} earliest={bounds.earliest} latest={bounds.latest} />
        </>
      ) : (
        <Alert tone="info">Vous agissez pour une autre personne : seule elle (ou son représentant légal) gère ses délégations.</Alert>
      )}
      <SpacesIActFor spaces={spaces} />
    </div>
  );
}
