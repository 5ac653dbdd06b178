import type { Column } from "../../kernel/components/table";
import { ShownName } from "../../kernel/components/i18n";

/** The column of a results table that names each application by its reference and title. */
export function applicationColumn<Row extends { reference: string; title: string }>(): Column<Row> {
  return {
    head: "results.col_application",
    cell: (r) => (
      <>
        {r.reference} <ShownName text={r.title} />
      </>
    ),
  };
}
