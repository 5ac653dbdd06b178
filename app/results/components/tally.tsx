// The tally anyone can follow (the Schulze pairwise counts and strongest chains, who a conflict
// kept out of which comparisons) and the tie-break rule fixed before the vote, with what it did.
import { RadioGroup } from "../../kernel/components/form";
import { shownPseudonym, useT } from "../../kernel/components/i18n";
import { DataTable } from "../../kernel/components/table";
import { formatDateTime } from "../../kernel/i18n";
import { exclusionSentences, RULE_LABEL, tieBreakSentences, type Tally, type TieBreakView } from "../domain/tally";

const RULES = ["jury", "chair", "lottery"] as const;

/** The three rules as radio buttons (field `tieBreak`), with what choosing one means. */
export function TieBreakRadios() {
  const t = useT();
  return (
    <RadioGroup
      name="tieBreak"
      legend={t("deliberation.tie_break_legend")}
      hint={t("deliberation.tie_break_help")}
      options={RULES.map((rule) => ({ value: rule, label: t(RULE_LABEL[rule]) }))}
    />
  );
}

/** The rule, when it was fixed, the seed's fingerprint and, once the outcome is final, the seed. */
export function TieBreakFacts({
  tb,
}: {
  tb: Pick<TieBreakView, "rule" | "commitment" | "chosenAt"> & Partial<TieBreakView>;
}) {
  const t = useT();
  return (
    <dl className="summary">
      <dt>{t("deliberation.tie_break_rule")}</dt>
      <dd>{t(RULE_LABEL[tb.rule])}</dd>
      <dt>{t("deliberation.tie_break_chosen_on")}</dt>
      <dd>{t("results.paris_time", { date: formatDateTime(tb.chosenAt, t.locale) })}</dd>
      <dt>{t("deliberation.tie_break_commitment")}</dt>
      <dd>
        <code className="results-hash">{tb.commitment}</code>
      </dd>
      <dt>{t("deliberation.tie_break_seed")}</dt>
      <dd>
        {tb.seed ? (
          <>
            <code className="results-hash">{tb.seed}</code>
            <br />
            {t("deliberation.tie_break_check")}
            {tb.seedChecked ? ` ${t("deliberation.tie_break_check_ok")}` : null}
          </>
        ) : (
          t("deliberation.tie_break_seed_hidden")
        )}
      </dd>
    </dl>
  );
}

/** What the tie-break did, in words, with the lottery's tickets when it drew. */
export function TieBreakSummary({ tb }: { tb: TieBreakView }) {
  const t = useT();
  return (
    <>
      {tieBreakSentences(t, tb).map((sentence, i) => (
        <p key={i}>{sentence}</p>
      ))}
      {tb.lottery && tb.lottery.length > 0 ? (
        <DataTable
          showCaption
          caption={t("deliberation.lottery_caption")}
          rows={tb.lottery}
          rowKey={(ticket) => ticket.reference}
          columns={[
            { head: "results.col_position", cell: (_, i) => i + 1 },
            { head: "results.col_application", rowHeader: true, cell: (ticket) => ticket.reference },
            {
              head: "deliberation.col_ticket",
              cell: (ticket) => <code className="results-hash">{ticket.ticket}</code>,
            },
          ]}
        />
      ) : null}
      <TieBreakFacts tb={tb} />
    </>
  );
}

function Matrix({ tally, values, caption }: { tally: Tally; values: number[][]; caption: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="results-matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("results.col_application")}</span>
            </th>
            {tally.apps.map((a) => (
              <th scope="col" key={a.id}>
                {a.reference}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tally.apps.map((a, i) => (
            <tr key={a.id}>
              <th scope="row">{a.reference}</th>
              {tally.apps.map((b, j) =>
                i === j ? (
                  <td key={b.id}>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t("deliberation.tally_same")}</span>
                  </td>
                ) : (
                  <td key={b.id}>{values[i][j] > values[j][i] ? <strong>{values[i][j]}</strong> : values[i][j]}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The tally: how the method reads the ballots, both matrices, and the conflicts' exclusions. */
export function TallyTables({ tally, heading }: { tally: Tally; heading: string }) {
  const t = useT();
  return (
    <>
      <h3>{heading}</h3>
      <p>{t("deliberation.tally_intro")}</p>
      {tally.pairwise && tally.paths ? (
        <>
          <p>{t("deliberation.pairwise_help")}</p>
          <Matrix tally={tally} values={tally.pairwise} caption={t("deliberation.pairwise_caption")} />
          <p>{t("deliberation.paths_help")}</p>
          <Matrix tally={tally} values={tally.paths} caption={t("deliberation.paths_caption")} />
        </>
      ) : null}
      <h4>{t("deliberation.tally_exclusions_title")}</h4>
      <ul>
        {exclusionSentences(t, tally, (name) => shownPseudonym(name, t)).map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
    </>
  );
}
