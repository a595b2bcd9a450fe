import { Alert } from "@/components/alert";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { CopyLinkButton } from "@/components/prescriptions/copy-link-button";
import { InviteForm, inviteErrors } from "@/components/relatives/invite-form";
import { ActingForMe, PendingInvitations, SpacesIActFor } from "@/components/relatives/relative-lists";
import { relativesNotice } from "@/components/relatives/relatives-notice";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv, type Reader } from "@/lib/i18n/voice";
import { inviteTypedOfPage, type InviteTyped } from "@/server/delegations/invite-typed";
import { relativesPageData, type RelativesPageData } from "@/server/delegations/relatives-page-data";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why); copying the invitation link just created is the one inline script it adds.
 */
export const config = { unstable_runtimeJS: false };

type Data = RelativesPageData & { message: string | null; typed: InviteTyped | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { req, query }) => {
  const message = Array.isArray(query.message) ? query.message[0] : query.message;
  return { title: t("relativesPage.title"), data: { ...(await relativesPageData(scope, req.headers.cookie)), message: message ?? null, typed: inviteTypedOfPage(scope, req, message) } };
});

/** What became of the invitation just created, when its link no longer serves: nothing to copy any more. */
const ENDED_INVITATION: Record<"accepted" | "cancelled" | "expired" | "declined", (invitee: string, reader: Reader) => string> = {
  accepted: (invitee, reader) => t("relativesPage.linkAccepted", { invitee, list: tv("relatives.actingForTitle", reader) }),
  cancelled: (invitee) => t("relativesPage.linkCancelled", { invitee }),
  expired: (invitee) => t("relativesPage.linkExpired", { invitee }),
  declined: (invitee) => t("relativesPage.linkDeclined", { invitee }),
};

/**
 * "Proches et délégations": who can act for this space, the invitations pending, and the spaces
 * the person acts in. Managing is for the patient, or a guardian in a minor's space; a
 * caregiver acting here sees only the spaces they can open. Plain forms: works without JavaScript.
 * In another person's space, what is about the space is about her, by the banner's name (voice.ts).
 */
export default function RelativesPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  const notice = relativesNotice(data.message ?? undefined, reader);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("relativesPage.title")} description={data.managed ? tv("relatives.intro", reader) : t("relatives.introCaregiver")} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {data.link?.kind === "open" ? (
        <section aria-labelledby="lien-cree" className="flex flex-col gap-2 rounded-lg border border-blue-800 bg-blue-50 p-4">
          <h2 id="lien-cree" className="text-lg font-semibold">{t("relativesPage.linkTitle")}</h2>
          <p>{t("relativesPage.linkIntro")}</p>
          <label htmlFor="lien-invitation" className="font-semibold">{t("relativesPage.linkLabel")}</label>
          <input id="lien-invitation" readOnly value={data.link.url} className="w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm" />
          <CopyLinkButton inputId="lien-invitation" labels={{ copy: t("relativesPage.linkCopy"), copied: t("relativesPage.linkCopied"), copyFailed: t("relativesPage.linkCopyFailed") }} nonce={frame.nonce} />
        </section>
      ) : data.link ? (
        <section aria-labelledby="lien-cree" className="flex flex-col gap-2 rounded-lg border border-slate-400 bg-slate-50 p-4">
          <h2 id="lien-cree" className="text-lg font-semibold">{t("relativesPage.linkEndedTitle")}</h2>
          <p>{ENDED_INVITATION[data.link.state](data.link.invitee, reader)}</p>
        </section>
      ) : null}
      {data.managed ? (
        <>
          <ActingForMe relatives={data.managed.relatives} canConfirm={data.managed.canConfirm} reader={reader} />
          <PendingInvitations pending={data.managed.pending} />
          <InviteForm defaultEnd={data.managed.bounds.byDefault} earliest={data.managed.bounds.earliest} latest={data.managed.bounds.latest} lastDayIsRepresentations={data.managed.lastDayIsRepresentations} reader={reader} relationships={data.managed.relationships} errors={inviteErrors(data.message, notice?.text)} typed={data.typed ?? undefined} />
        </>
      ) : (
        <Alert tone="info">{t("relativesPage.caregiverOnly")}</Alert>
      )}
      <SpacesIActFor spaces={data.spaces} viewerSex={data.viewerSex} pausedStarts={data.pausedStarts} />
    </div>
  );
}
