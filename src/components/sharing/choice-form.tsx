import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";

/**
 * One of the record-wide choices (emergency access, level of new documents, research): a
 * titled section with radio buttons, each option's consequence in one sentence, and a submit.
 */
export type ChoiceOption = { value: string; label: string; hint?: string };

export function ChoiceForm({ id, title, intro, action, name, options, current }: { id: string; title: string; intro?: string; action: string; name: string; options: ChoiceOption[]; current: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {intro ? <p className="text-slate-700">{intro}</p> : null}
      <form method="post" action={action} className="flex flex-col gap-3">
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{title}</legend>
          {options.map((option) => (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={`${id}-${option.value}`}
                name={name}
                value={option.value}
                defaultChecked={option.value === current}
                aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
                className="mt-1.5"
              />
              <div>
                <label htmlFor={`${id}-${option.value}`} className="font-semibold">
                  {option.label}
                </label>
                {option.hint ? (
                  <p id={`${id}-${option.value}-hint`} className="text-sm text-slate-700">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            </div>
          ))}
        </fieldset>
        <div>
          <Button type="submit">{t("sharing.save")}</Button>
        </div>
      </form>
    </section>
  );
}
