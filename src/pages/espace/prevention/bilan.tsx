import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachNotice } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { BilanForm } from "@/components/prevention/bilan-form";
import { PreventionNoticeAlert } from "@/components/prevention/notice-alert";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { bilanPageData, type BilanPageData } from "@/server/prevention/bilan/bilan-page-data";
import { t, tn } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { bilanDate } from "@/lib/prevention/bilan-date";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): the questionnaire is a plain form posting to /espace/prevention/bilan/envoyer.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<BilanPageData>("patient", async (scope, { query }) => ({
  title: t("prevention.bilan.title"),
  data: await bilanPageData(scope, query.message),
}));

/**
 * "Mon bilan prévention" (issue 14): the self-questionnaire of the person's age band, to prepare
 * the check-up, stored in their record; and the questionnaires already filled in.
 */
export default function BilanPage({ frame, data }: FramedProps<BilanPageData>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  // In another person's space, « Mon bilan prévention » read as the parent's or caregiver's own.
  const title = reader.voice === "theirs" && reader.person ? t("prevention.bilan.titleOf", { name: reader.person }) : t("prevention.bilan.title");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={tv("preventionWords.bilanIntro", reader)}
      />
      <PreventionNoticeAlert notice={data.notice} />
      {data.band ? (
        <section aria-labelledby="questionnaire" className="flex flex-col gap-4">
          <h2 id="questionnaire" className="text-xl font-semibold">
            {t("prevention.bilan.questionnaire", { band: data.band.replace("-", " à ") })}
          </h2>
          <p>{tv("preventionWords.bilanPrivacy", reader)}</p>
          {data.canWrite ? <BilanForm questions={data.questions} reader={reader} /> : <p>{t("prevention.bilan.cannotWrite")}</p>}
        </section>
      ) : (
        <p>{tv("preventionWords.bilanOutOfBand", reader)}</p>
      )}
      <section aria-labelledby="deja-remplis" className="flex flex-col gap-2">
        <h2 id="deja-remplis" className="text-xl font-semibold">
          {t("prevention.bilan.previousTitle")}
        </h2>
        {data.recordOutOfReach ? (
          <OutOfReachNotice part="record" />
        ) : data.previous.length === 0 ? (
          <p>{t("prevention.bilan.previousEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {data.previous.map((response) => (
              <li key={response.id}>
                {/* Each line opens the answers, to read again or show at the check-up ([id].tsx). */}
                <a href={`/espace/prevention/bilan/${response.id}`} className="underline underline-offset-4">
                  {tn("prevention.bilan.previousLine", response.answers, {
                    date: bilanDate(response.authored),
                    sharing: tv(response.onlyMe ? "preventionWords.bilanKept" : "preventionWords.bilanShared", reader),
                  })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm text-slate-700">
        {t("prevention.bilan.sourcePrefix")} {data.source.document} ({data.source.edition}),{" "}
        <a href={data.source.url} className="underline underline-offset-4">
          {data.source.url}
        </a>
        .
      </p>
      <p>
        <a href="/espace/prevention" className="font-semibold">
          {t("prevention.bilan.back")}
        </a>
      </p>
    </div>
  );
}
