"use client";

import { useEffect } from "react";
import { installQuickExit } from "./quick-exit-behaviour";
import { NEUTRAL_SITE } from "./quick-exit-site";

/**
 * "Sortie rapide": leaves for a neutral site and replaces the current history entry, so "back"
 * does not return here. Also on Escape pressed three times within two seconds
 * (quick-exit-behaviour.ts). Without JavaScript it is a plain link (the entry then stays in the
 * history: said in the title). On the pages that send no runtime JavaScript, the same behaviour
 * comes from an inline script (QuickExitScript): this component's effect does not run there.
 */
export function QuickExit() {
  useEffect(() => installQuickExit(window, NEUTRAL_SITE), []);
  return (
    <a
      href={NEUTRAL_SITE}
      rel="noreferrer"
      data-quick-exit=""
      className="rounded-md border border-red-900 bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
    >
      Sortie rapide<span className="sr-only"> (quitte ce site ; ou appuyez trois fois sur Échap)</span>
    </a>
  );
}
