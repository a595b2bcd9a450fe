import type { ReactNode } from "react";

/**
 * Where a table scrolls sideways: on a narrow screen, or when a cell holds a long unbroken word
 * (a pharmacy's name as the pharmacist typed it, up to 120 characters). A region that scrolls
 * must be reachable with the keyboard (WCAG 2.1.1), and scripts are not there to tell whether
 * it scrolls: so it is always a tab stop, named by its table's caption.
 */
export function TableScrollRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      {children}
    </div>
  );
}
