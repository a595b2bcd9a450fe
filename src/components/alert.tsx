import type { ReactNode } from "react";

/**
 * A message box. Errors use role="alert" so they are announced when they appear after a form
 * submission; other tones use role="status".
 */
export type AlertTone = "error" | "info" | "success";

const TONES: Record<AlertTone, string> = {
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-blue-700 bg-blue-50 text-blue-950",
  success: "border-green-700 bg-green-50 text-green-900",
};

/**
 * `takesFocus`: the box has the focus when the page loads. An error or a success is the answer
 * to a form sent without JavaScript: the browser loads a new page where a role="alert" already
 * there is not announced, so a screen reader would start at the top and a keyboard user three
 * links further; the browser's own autofocus moves them to the answer, no script needed. Off
 * where a field that says the error itself (TextField's `error`) takes the focus instead.
 */
export function Alert({
  tone = "info",
  title,
  children,
  takesFocus = tone !== "info",
}: {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  takesFocus?: boolean;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      tabIndex={takesFocus ? -1 : undefined}
      autoFocus={takesFocus}
      className={`rounded-md border-l-4 px-4 py-3 ${TONES[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
