import type { ReactNode } from "react";

/**
 * Where a table scrolls sideways: on a narrow screen, or when a cell holds a long unbroken word
 * (a pharmacy's name as the pharmacist typed it, up to 120 characters). A region that scrolls
 * must be reachable with the keyboard (WCAG 2.1.1), and scripts are not there to tell whether
 * it scrolls: so it is always a tab stop, named by its table's caption.
 *
 * A named group, not a region: a page may show several tables under one caption (one
 * « Médicaments prescrits » per prescription), and landmarks of one name cannot be told apart
 * (axe's landmark-unique, found by an exploratory test). Positioned (`relative`): a visually
 * hidden header inside (sr-only, absolutely positioned) stays within the scrolling box instead
 * of widening the whole page (« Mon compte » scrolled sideways to 545 px on a 360 px screen).
 */
export function TableScrollRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={captionId} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-300 bg-white">
      {children}
    </div>
  );
}
