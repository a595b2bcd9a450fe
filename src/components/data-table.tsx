import { useId, type ReactNode } from "react";
import { stackedRows } from "./stacked-rows";
import { TableScrollRegion } from "./table-scroll-region";

/**
 * A column's header. Hidden on screen when its cells say what they are themselves (a button, « Cet
 * appareil »), but never empty: a screen reader announces it with each cell of the column.
 */
export type DataTableColumn = string | { label: string; visuallyHidden: true };

/**
 * The portal's tables: a caption for screen readers, column headers with their scope. Callers
 * give the rows (`<tr>`), so each table keeps its own cells. On a phone each row is stacked as a
 * short list of its values under their columns' names (stacked-rows.tsx), and the headers hidden
 * on screen only; wider, a table that still does not fit (a long unbroken word) scrolls in its box.
 */
export function DataTable({ caption, columns, children, captionId }: { caption: string; columns: DataTableColumn[]; children: ReactNode; captionId?: string }) {
  const ownId = useId();
  const id = captionId ?? ownId;
  const labels = columns.map((column) => (typeof column === "string" ? column : undefined));
  return (
    <TableScrollRegion captionId={id}>
      <table role="table" className="stacked-table w-full border-collapse text-left">
        <caption id={id} className="sr-only">
          {caption}
        </caption>
        <thead role="rowgroup" className="bg-slate-100 text-sm text-slate-900">
          {/* The padding once on the row (`*:`), not on each cell: each class attribute is one
              more string React encodes per view (issue 16), and every table has this row. */}
          <tr role="row" className="*:px-4 *:py-2">
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" role="columnheader">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" role="columnheader">
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">{stackedRows(children, labels)}</tbody>
      </table>
    </TableScrollRegion>
  );
}
