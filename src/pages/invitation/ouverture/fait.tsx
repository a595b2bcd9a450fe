import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { inviterNames } from "@/lib/delegations/inviter-names";
import { t } from "@/lib/i18n/messages";
import { readReleasedFlash } from "@/server/delegations/released-opening-flash";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript: where the release of an account opening lands. */
export const config = { unstable_runtimeJS: false };

/** Whose invitations the release declined (released-opening-flash.ts): told once, then cleared. */
type ReleasedData = { declinedFrom: string[] };

export const getServerSideProps = openPage<ReleasedData>(({ res }, headers) => {
  const flash = readReleasedFlash(headers.get("cookie"));
  if (flash.clear) res.appendHeader("Set-Cookie", flash.clear);
  return { title: t("releaseOpeningPage.doneTitle"), data: { declinedFrom: flash.declinedFrom } };
});

export default function ReleasedOpeningPage({ title, data }: FramedProps<ReleasedData>) {
  const declinedFrom = data?.declinedFrom ?? [];
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} />
      <Alert tone="success">
        <p>{t("releaseOpeningPage.done")}</p>
        {declinedFrom.length > 0 ? (
          <p className="mt-2">{t(declinedFrom.length === 1 ? "releaseOpeningPage.declinedOne" : "releaseOpeningPage.declinedSeveral", { inviter: inviterNames(declinedFrom) })}</p>
        ) : null}
      </Alert>
    </div>
  );
}
