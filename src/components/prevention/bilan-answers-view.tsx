import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { BilanAnswers } from "@/server/prevention/bilan/bilan-answers";
import { BILAN_SOURCE } from "@/server/prevention/bilan/questionnaires";

/**
 * A filled questionnaire of "Mon bilan prévention", to read again or to show at the check-up:
 * its date, whether it is shared, then each question with its answer, as a plain document that
 * prints as it reads (no control, no script). The person's page and the professional's share it;
 * each says in its own words who it belongs to (`title`) and how it is shared (`sharing`).
 */
export function BilanAnswersView({ answers, title, filled, sharing, back }: { answers: BilanAnswers; title: string; filled: string; sharing: string; back: { href: string; label: string } }) {
  return (
    <article className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={answers.band ? t("prevention.bilan.answersBand", { band: answers.band.replace("-", " à "), edition: BILAN_SOURCE.edition }) : undefined}
      />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("prevention.bilan.answersFilled")}</dt>
        <dd>{filled}</dd>
        <dt className="font-semibold">{t("prevention.bilan.answersSharing")}</dt>
        <dd>{sharing}</dd>
      </dl>
      <section aria-labelledby="reponses" className="flex flex-col gap-3">
        <h2 id="reponses" className="text-xl font-semibold">
          {t("prevention.bilan.answersHeading")}
        </h2>
        <dl className="flex max-w-prose flex-col gap-3">
          {answers.rows.map((row) => (
            <div key={row.linkId} className="break-inside-avoid">
              <dt className="font-semibold">{row.question}</dt>
              <dd className={row.answer ? "break-words" : "italic text-slate-700"}>{row.answer ?? t("prevention.bilan.noAnswer")}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p>
        <a href={back.href} className="font-semibold">
          {back.label}
        </a>
      </p>
    </article>
  );
}
