"use client";

import { useEffect } from "react";

/**
 * "Sortie rapide": leaves for a neutral site and replaces the current history entry, so "back"
 * does not return here. Also on Escape pressed three times within two seconds. Without
 * JavaScript it is a plain link (the entry then stays in the history: said in the title).
 */
export const NEUTRAL_SITE = "https://www.google.fr/search?q=meteo";

export function QuickExit() {
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const at = Date.now();
      presses = [...presses.filter((t) => at - t < 2000), at];
      if (presses.length >= 3) window.location.replace(NEUTRAL_SITE);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <a
      href={NEUTRAL_SITE}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        window.location.replace(NEUTRAL_SITE);
      }}
      className="rounded-md border border-red-900 bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
    >
      Sortie rapide<span className="sr-only"> (quitte ce site ; ou appuyez trois fois sur Échap)</span>
    </a>
  );
}
