import { NotFoundView } from "@/components/not-found-view";
import { BilanAnswersView } from "@/components/prevention/bilan-answers-view";
import { t } from "@/lib/i18n/messages";
import { tv } from "@/lib/i18n/voice";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import type { BilanAnswers } from "@/server/prevention/bilan/bilan-answers";
import { proBilanAnswersPageData } from "@/server/prevention/bilan/bilan-answers-page-data";
import { bilanDate } from "@/lib/prevention/bilan-date";

/** Served without runtime JavaScript, as the prevention tab is: a document to read and print. */
export const config = { unstable_runtimeJS: false };

type Data = { answers: BilanAnswers; patientId: string; name: string };

export const getServerSideProps = framedPage<Data>("practitioner", async (scope, { params }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const found = await proBilanAnswersPageData(scope, typeof params?.id === "string" ? params.id : "", patientId);
  // The tab names the patient: « Mon bilan prévention » read as the professional's own.
  return found ? { title: t("prevention.bilan.titleOf", { name: found.name }), data: { ...found, patientId } } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

/**
 * A questionnaire of « Mon bilan prévention » the patient shared, for a professional she
 * authorises (the prevention tab lists them). A kept one, another patient's, or any under an
 * emergency access alone: « Page introuvable » with a 404.
 */
export default function ProBilanAnswersPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const date = bilanDate(data.answers.authored);
  return (
    <BilanAnswersView
      answers={data.answers}
      title={tv("preventionWords.bilanAnswersTitle", { voice: "theirs", person: data.name }, { date })}
      filled={date}
      sharing={t("prevention.bilan.proShared")}
      back={{ href: `/pro/patients/${data.patientId}/prevention`, label: t("prevention.bilan.backToPrevention") }}
    />
  );
}
