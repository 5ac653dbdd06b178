// The outcome of the jury's vote: Schulze order, with the Borda share beside it.
import { formatNumber } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";
import { DataTable } from "../../kernel/components/table";

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
        head={[
          t("results.col_position"),
          t("results.col_application"),
          t("results.col_schulze_wins"),
          t("results.col_borda"),
        ]}
      >
        {rows.map((r, i) => (
          <tr key={r.id}>
            <td>{i + 1}</td>
            <td>
              {r.reference} <bdi>{r.title}</bdi>
            </td>
            <td>{r.wins}</td>
            <td>{formatNumber(r.borda, t.locale, { style: "percent", maximumFractionDigits: 0 })}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
