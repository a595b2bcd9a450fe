import type { SelectHTMLAttributes } from "react";

/** A labelled select, like TextField: the label is tied to the control, a hint through aria-describedby. */
export type SelectOption = { value: string; label: string };

export function SelectField({
  name,
  label,
  options,
  hint,
  id,
  className = "",
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  name: string;
  label: string;
  options: SelectOption[];
  hint?: string;
  id?: string;
}) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={fieldId} className="font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select
        id={fieldId}
        name={name}
        aria-describedby={hintId}
        className="max-w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
