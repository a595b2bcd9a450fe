import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { lastDayOf } from "@/components/relatives/relative-lists";
import { relativesNotice } from "@/components/relatives/relatives-notice";
import { RightsFieldset } from "@/components/relatives/rights-fieldset";
import { TextField } from "@/components/text-field";
import { givenRightsVoice, rightsInWords } from "@/lib/delegations/rights";
import { readerOf, tv } from "@/lib/i18n/voice";
import { delegationPageData, type DelegationPageData } from "@/server/delegations/delegation-page-data";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { queryValue } from "@/server/pages/query-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): three plain forms posting to their route handlers.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<DelegationPageData>("patient", async (scope, { params, query }) => {
  const data = await delegationPageData(scope, typeof params?.id === "string" ? params.id : "", queryValue(query.message));
  return data ? { title: "Modifier une délégation", data } : NOT_FOUND;
});

/** One caregiver's delegation: change the rights or last day, renew, or revoke now; in a child's space, about the child (voice.ts). */
export default function RelativePage({ frame, data }: FramedProps<DelegationPageData>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  if (data.kind === "guardian") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title="Représentant légal" />
        <Alert tone="info">Un représentant légal ne se retire ni ne se modifie ici : c&apos;est une décision de justice.</Alert>
      </div>
    );
  }
  const notice = relativesNotice(data.message ?? undefined, reader);
  const id = data.relatedPersonId;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={`Délégation de ${data.name}`} description={`Droits actuels : ${rightsInWords(data.scopes, givenRightsVoice(reader.voice))}. Jusqu'au ${lastDayOf(data.end)} inclus.`} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {!data.active ? <Alert tone="info">Cette délégation est terminée.</Alert> : (
        <>
          <section aria-labelledby="modifier" className="flex flex-col gap-3">
            <h2 id="modifier" className="text-xl font-semibold">Modifier les droits ou la date</h2>
            <p>{tv("relatives.changeIntro", reader)}</p>
            <form method="post" action={`/api/proches/${id}/modifier`} className="flex max-w-xl flex-col gap-4">
              <RightsFieldset checked={new Set(data.scopes)} idPrefix="modifier" reader={reader} />
              <TextField name="fin" type="date" label="Dernier jour de la délégation" hint="Inclus. Trois ans au plus." defaultValue={data.lastDay.value} min={data.lastDay.earliest} max={data.lastDay.latest} required />
              <div><Button type="submit">Enregistrer</Button></div>
            </form>
          </section>
          <section aria-labelledby="renouveler" className="flex flex-col gap-3">
            <h2 id="renouveler" className="text-xl font-semibold">Renouveler</h2>
            <form method="post" action={`/api/proches/${id}/renouveler`}>
              <Button type="submit" variant="secondary">Prolonger d&apos;un an à partir d&apos;aujourd&apos;hui</Button>
            </form>
          </section>
          <section aria-labelledby="retirer" className="flex flex-col gap-3">
            <h2 id="retirer" className="text-xl font-semibold">Retirer la délégation</h2>
            <p>{tv("relatives.withdrawIntro", reader)}</p>
            <form method="post" action={`/api/proches/${id}/retirer`}>
              <Button type="submit" variant="secondary">Retirer maintenant</Button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
