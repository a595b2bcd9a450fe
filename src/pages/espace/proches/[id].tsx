import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { lastDayOf } from "@/components/relatives/relative-lists";
import { relativesNotice } from "@/components/relatives/relatives-notice";
import { RightsFieldset } from "@/components/relatives/rights-fieldset";
import { TextField } from "@/components/text-field";
import { givenRightsVoice, rightsInWords } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { SCOPES } from "@/server/access/scopes";
import { changeTypedOfPage, type ChangeTyped } from "@/server/delegations/change-typed";
import { delegationPageData, type DelegationPageData } from "@/server/delegations/delegation-page-data";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { queryValue } from "@/server/pages/query-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): three plain forms posting to their route handlers.
 */
export const config = { unstable_runtimeJS: false };

type Data = DelegationPageData & { typed: ChangeTyped | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { req, params, query }) => {
  const id = typeof params?.id === "string" ? params.id : "";
  const message = queryValue(query.message);
  const data = await delegationPageData(scope, id, message);
  return data ? { title: t("relativesPage.delegationTitle"), data: { ...data, typed: data.kind === "guardian" ? null : changeTypedOfPage(scope, req, message, id) } } : NOT_FOUND;
});

/** One caregiver's delegation: change the rights or last day, renew, or revoke now; in a child's space, about the child (voice.ts). */
export default function RelativePage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  if (data.kind === "guardian") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("relativesPage.guardianTitle")} />
        <Alert tone="info">{t("relativesPage.guardianNote")}</Alert>
      </div>
    );
  }
  const notice = relativesNotice(data.message ?? undefined, reader);
  const id = data.relatedPersonId;
  const typed = data.typed;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={t("relativesPage.delegationOf", { name: data.name })}
        description={t("relativesPage.currentRights", { rights: rightsInWords(data.scopes, givenRightsVoice(reader.voice)), date: lastDayOf(data.end) })}
      />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {data.accountClosed ? <Alert tone="info">{tv("relatives.accountClosedNote", reader)}</Alert> : null}
      {!data.active ? <Alert tone="info">{t("relativesPage.ended")}</Alert> : (
        <>
          <section aria-labelledby="modifier" className="flex flex-col gap-3">
            <h2 id="modifier" className="text-xl font-semibold">{t("relativesPage.changeTitle")}</h2>
            <p>{tv("relatives.changeIntro", reader)}</p>
            <form method="post" action={`/api/proches/${id}/modifier`} className="flex max-w-xl flex-col gap-4">
              {/* Refused, what was ticked and typed comes back (change-typed.ts), not the stored rights and day. */}
              <RightsFieldset checked={typed ? new Set(SCOPES.filter((scope) => typed.droits.split(",").includes(scope))) : new Set(data.scopes)} idPrefix="modifier" reader={reader} />
              {/* Refused for its last day, the field says so itself (aria-invalid, the notice's words read with it). */}
              <TextField
                name="fin"
                type="date"
                label={t("relativesPage.lastDay")}
                hint={t("relativesPage.changeHint")}
                defaultValue={typed?.fin || data.lastDay.value}
                min={data.lastDay.earliest}
                max={data.lastDay.latest}
                error={data.message === "date" ? notice?.text : undefined}
                required
              />
              <div><Button type="submit">{t("relativesPage.save")}</Button></div>
            </form>
          </section>
          <section aria-labelledby="renouveler" className="flex flex-col gap-3">
            <h2 id="renouveler" className="text-xl font-semibold">{t("relativesPage.renewTitle")}</h2>
            <form method="post" action={`/api/proches/${id}/renouveler`}>
              <Button type="submit" variant="secondary">{t("relativesPage.renew")}</Button>
            </form>
          </section>
          <section aria-labelledby="retirer" className="flex flex-col gap-3">
            <h2 id="retirer" className="text-xl font-semibold">{t("relativesPage.withdrawTitle")}</h2>
            <p>{tv("relatives.withdrawIntro", reader)}</p>
            <form method="post" action={`/api/proches/${id}/retirer`}>
              <Button type="submit" variant="secondary">{t("relativesPage.withdraw")}</Button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
