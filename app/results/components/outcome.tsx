// The outcome of the jury's vote: Schulze order, with the Borda share beside it.
import { formatNumber } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";
import { applicationColumn } from "./application-column";
import { DataTable } from "../../kernel/components/table";

// A frozen constant: formatNumber finds its formatter, and the texts it made, by identity.
const PERCENT: Intl.NumberFormatOptions = Object.freeze({ style: "percent", maximumFractionDigits: 0 });

export interface OutcomeRow {
  id: string;
  reference: string;
  title: string;
  wins: number;
  borda: number;
}

export function OutcomeTable({ rows, ballots }: { rows: OutcomeRow[]; ballots: number }) {
  const t = useT();
  return (
    <>
      <p>{t("results.outcome_help", { ballots })}</p>
      <DataTable
        rows={rows}
        columns={[
          { head: "results.col_position", cell: (_, i) => i + 1 },
          applicationColumn(),
          { head: "results.col_schulze_wins", cell: (r) => r.wins },
          {
            head: "results.col_borda",
            cell: (r) => formatNumber(r.borda, t.locale, PERCENT),
          },
        ]}
      />
    </>
  );
}
