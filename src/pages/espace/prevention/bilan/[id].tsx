import { NotFoundView } from "@/components/not-found-view";
import { BilanAnswersView } from "@/components/prevention/bilan-answers-view";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { spaceOf } from "@/server/access/actor";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import type { BilanAnswers } from "@/server/prevention/bilan/bilan-answers";
import { bilanAnswersPageData } from "@/server/prevention/bilan/bilan-answers-page-data";
import { bilanDate } from "@/lib/prevention/bilan-date";

/** Served without runtime JavaScript, as the bilan page is: a document to read again and print. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<BilanAnswers>("patient", async (scope, { params }) => {
  const answers = await bilanAnswersPageData(scope, typeof params?.id === "string" ? params.id : "", spaceOf(scope.actor));
  return answers ? { title: t("prevention.bilan.title"), data: answers } : NOT_FOUND;
});

/**
 * One questionnaire of « Mon bilan prévention » already filled in, with its answers: what the
 * person brings to the check-up. A kept one (labelled V) is the person's alone: a caregiver gets
 * the page's 404, as the list of « Questionnaires déjà remplis » already leaves it out.
 */
export default function BilanAnswersPage({ frame, data }: FramedProps<BilanAnswers>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  const date = bilanDate(data.authored);
  return (
    <BilanAnswersView
      answers={data}
      title={tv("preventionWords.bilanAnswersTitle", reader, { date })}
      filled={date}
      sharing={tv(data.onlyMe ? "preventionWords.bilanKept" : "preventionWords.bilanShared", reader)}
      back={{ href: "/espace/prevention/bilan", label: t("prevention.bilan.backToBilan") }}
    />
  );
}
