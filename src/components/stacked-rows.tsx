import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

type CellProps = { children?: ReactNode; colSpan?: number; scope?: string };

/**
 * Each row's cells named by their column, for the table's stacked form on a phone (globals.css,
 * .stacked-table): there each row reads as a short list, every value under its column's name, where
 * five columns in 326 px were cut off or scrolled sideways. The name is drawn by CSS from
 * `data-label`, with an empty alternative text, so that a screen reader, which already reads the
 * column's header with each cell, does not hear it twice. The explicit roles keep the table a
 * table to screen readers once its parts are displayed as blocks: browsers have dropped table
 * semantics for tables restyled so (Adrian Roselli, « Tables, CSS Display Properties, and ARIA »,
 * https://adrianroselli.com/2018/02/tables-css-display-properties-and-aria.html).
 *
 * The rows are the callers' own `<tr>` elements (in fragments too, as the history groups them):
 * a cell spanning several columns (a group's header) gets no name.
 */
export function stackedRows(rows: ReactNode, labels: (string | undefined)[]): ReactNode {
  return Children.map(rows, (row): ReactNode => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    if (row.type === Fragment) return <Fragment key={row.key}>{stackedRows(row.props.children, labels)}</Fragment>;
    if (row.type !== "tr") return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell): ReactNode => {
      if (!isValidElement<CellProps>(cell) || (cell.type !== "td" && cell.type !== "th")) return cell;
      const span = cell.props.colSpan ?? 1;
      const label = span === 1 ? labels[column] : undefined;
      column += span;
      return cloneElement(cell as ReactElement<CellProps & { role: string; "data-label"?: string }>, { role: roleOf(cell), ...(label ? { "data-label": label } : {}) });
    });
    return cloneElement(row as ReactElement<{ role: string }>, { role: "row" }, cells);
  });
}

function roleOf(cell: ReactElement<CellProps>): string {
  if (cell.type === "td") return "cell";
  return cell.props.scope === "row" || cell.props.scope === "rowgroup" ? "rowheader" : "columnheader";
}
