import type { Key, ReactNode } from "react";
import { useT } from "./i18n";

/** One column of a `DataTable`: the message heading it and what each row shows in it. */
export interface Column<Row> {
  head: string;
  /** Shown in the heading instead of the message `head` (a name, say), which then only tells the columns apart. */
  label?: ReactNode;
  /** Values for the heading's placeholders. */
  headValues?: Record<string, string | number>;
  cell: (row: Row, index: number) => ReactNode;
  /** `auto` for text whose language its writer chose, `ltr` for machine text such as an address. */
  dir?: "auto" | "ltr";
  /** The cell names its row for screen readers (a row header rather than a data cell). */
  rowHeader?: boolean;
}

/**
 * A table that scrolls by itself on a narrow screen rather than the page: the `columns` in order, a
 * line for each of the `rows`, told apart by their `id` unless `rowKey` says otherwise. Given `empty`,
 * a table with no rows gives way to that message in a panel; `caption` names the table for screen
 * readers alone, unless `showCaption` shows it to everyone.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey = (row, index) => (row as { id?: Key }).id ?? index,
  rowClassName,
  empty,
  caption,
  showCaption,
  className,
  id,
  children,
}: {
  rows: readonly Row[];
  columns: Column<Row>[];
  rowKey?: (row: Row, index: number) => Key;
  rowClassName?: (row: Row) => string | undefined;
  empty?: string;
  caption?: ReactNode;
  showCaption?: boolean;
  className?: string;
  id?: string;
  /** What follows the table inside its scrolling frame (a link back up, say). */
  children?: ReactNode;
}) {
  const t = useT();
  if (empty && rows.length === 0) return <p className="panel">{t(empty)}</p>;
  return (
    <div className="table-wrap">
      <table id={id} className={className}>
        {caption ? <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.head}>
                {column.label ?? t(column.head, column.headValues)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th scope="row" key={column.head}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.head} dir={column.dir}>
                    {column.cell(row, index)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
