import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import { FREE_TEXT_MAX, type BilanQuestion } from "@/server/prevention/bilan/questionnaires";

/**
 * The self-questionnaire of "Mon bilan prévention" as a plain form (works without JavaScript):
 * one group of choices per question, every question optional, a free text, and the choice to
 * share it with the professionals the person authorised (in the words of whoever fills it in:
 * the person, or a legal guardian for her).
 */
export function BilanForm({ questions, reader }: { questions: readonly BilanQuestion[]; reader: Reader }) {
  return (
    <form method="post" action="/espace/prevention/bilan/envoyer" className="flex flex-col gap-6">
      {questions.map((question) =>
        "options" in question ? (
          <fieldset key={question.linkId} className="flex flex-col gap-1">
            <legend className="font-semibold">{question.text}</legend>
            {question.options.map((option) => (
              <label key={option} className="flex items-start gap-2">
                <input type="radio" name={question.linkId} value={option} className="mt-1.5" />
                <span>{option}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div key={question.linkId} className="flex flex-col gap-1">
            <label htmlFor={`bilan-${question.linkId}`} className="font-semibold">
              {question.text}
            </label>
            <textarea
              id={`bilan-${question.linkId}`}
              name={question.linkId}
              maxLength={FREE_TEXT_MAX}
              rows={4}
              className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
            />
          </div>
        ),
      )}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="partage" value="oui" className="mt-1.5" />
        <span>{tv("preventionWords.bilanShare", reader)}</span>
      </label>
      <div>
        <Button type="submit">{t("prevention.bilan.submit")}</Button>
      </div>
    </form>
  );
}
