import type { ReactNode } from "react";

/**
 * The page's one h1, with an optional introduction. A title may be typed by someone (a message's
 * subject, a document's title) as one long word: it breaks rather than widen a phone's page.
 */
export function PageHeader({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-col gap-2">
      <h1 className="break-words text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="max-w-prose text-lg text-slate-700">{description}</p> : null}
      {children}
    </header>
  );
}
