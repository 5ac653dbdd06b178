import type { ReactNode } from "react";

/**
 * A table that scrolls by itself on a narrow screen rather than the page, its columns headed in
 * order (`head`) and its rows given as children.
 */
export function DataTable({ head, children }: { head: ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {head.map((label, index) => (
              <th scope="col" key={index}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
