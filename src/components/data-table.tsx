import { useId, type ReactNode } from "react";
import { TableScrollRegion } from "./table-scroll-region";

/**
 * A column's header. Hidden on screen when its cells say what they are themselves (a button, « Cet
 * appareil »), but never empty: a screen reader announces it with each cell of the column.
 */
export type DataTableColumn = string | { label: string; visuallyHidden: true };

/**
 * The portal's tables: scrollable on a narrow screen, a caption for screen readers, column
 * headers with their scope. Callers give the rows (`<tr>`), so each table keeps its own cells.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: DataTableColumn[]; children: ReactNode }) {
  const captionId = useId();
  return (
    <TableScrollRegion captionId={captionId}>
      <table className="w-full border-collapse text-left">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-100 text-sm text-slate-900">
          {/* The padding once on the row (`*:`), not on each cell: each class attribute is one
              more string React encodes per view (issue 16), and every table has this row. */}
          <tr className="*:px-4 *:py-2">
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScrollRegion>
  );
}
