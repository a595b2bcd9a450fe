"use client";

import { QuickExit } from "@/components/relatives/quick-exit";
import { frErrors } from "@/lib/i18n/fr-errors";
import "./globals.css";

/**
 * Shown only when the root layout itself fails (then the site header, and the "Sortie rapide"
 * it carries, are not rendered): it keeps the quick exit, since a person may be pressured on
 * any page, and otherwise says as little as error.tsx.
 */
const { errors } = frErrors;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="border-b border-slate-300 bg-white">
          <div className="mx-auto flex max-w-5xl justify-end px-4 py-3">
            <QuickExit />
          </div>
        </header>
        <main className="mx-auto flex w-full max-w-prose flex-col gap-6 px-4 py-8">
          <h1 className="text-2xl font-bold">{errors.genericTitle}</h1>
          <p>{errors.genericBody}</p>
          <div>
            <button type="button" onClick={reset} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold">
              {errors.retry}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
