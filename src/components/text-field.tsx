import type { InputHTMLAttributes } from "react";
import { t } from "@/lib/i18n/messages";
import { FieldError } from "./field-error";

/**
 * A labelled input with an optional hint and error, both tied to the input through
 * aria-describedby so screen readers read them with the field. The error also sets
 * aria-invalid.
 */
export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: string;
  id?: string;
  hint?: string;
  error?: string;
};

export function TextField({ name, label, id, hint, error, required, className = "", ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={fieldId} className="font-semibold text-slate-900">
        {label}
        {/* A space, not a margin: the field's name read « Prénom(obligatoire) » to a screen reader. */}
        {required ? (
          <>
            {" "}
            <span className="text-sm font-normal text-slate-700">{t("form.required")}</span>
          </>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error && errorId ? <FieldError id={errorId} text={error} /> : null}
      <input
        id={fieldId}
        name={name}
        required={required}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`max-w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 ${error ? "border-red-700" : "border-slate-500"}`}
        {...input}
      />
    </div>
  );
}
