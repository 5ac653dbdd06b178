// The outcome of the jury's vote: Schulze order, with the Borda share beside it.
import { formatNumber } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";
import { applicationColumn } from "./application-column";
import { DataTable } from "../../kernel/components/table";

// A frozen constant: formatNumber finds its formatter, and the texts it made, by identity.
const PERCENT: Intl.NumberFormatOptions = Object.freeze({ style: "percent", maximumFractionDigits: 0 });

export interface OutcomeRow {
  /** Empty for a withheld row. */
  id: string;
  reference: string;
  title: string;
  /** The place the vote gave it, 1 first. */
  position: number;
  /** An application of the reader's conflicts: its place and counts only. */
  withheld: boolean;
  wins: number;
  borda: number;
}

const application = applicationColumn<OutcomeRow>();

export function OutcomeTable({ rows, ballots }: { rows: OutcomeRow[]; ballots: number }) {
  const t = useT();
  return (
    <>
      <p>{t("results.outcome_help", { ballots })}</p>
      <DataTable
        rows={rows}
        rowKey={(r) => r.position}
        columns={[
          { head: "results.col_position", cell: (r) => r.position },
          {
            ...application,
            cell: (r, i) => (r.withheld ? <em>{t("deliberation.withheld_application")}</em> : application.cell(r, i)),
          },
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
