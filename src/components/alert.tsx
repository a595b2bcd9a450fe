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

export function Alert({ tone = "info", title, children }: { tone?: AlertTone; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border-l-4 px-4 py-3 ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
