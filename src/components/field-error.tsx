import { t } from "@/lib/i18n/messages";

/** A field's error, beside it: its input names `id` in aria-describedby and is aria-invalid. */
export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="text-sm font-semibold text-red-800">
      <span className="sr-only">{t("form.errorPrefix")} </span>
      {text}
    </p>
  );
}
