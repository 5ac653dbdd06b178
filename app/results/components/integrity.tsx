// The integrity page's two audits: the jurors (pairs, home bias, and the scores behind each
// flag, reached by its link) and the fairness of each stage for one group at a time. Plain
// links and tables: nothing needs JavaScript.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ShownName, shownPseudonym, useT } from "../../kernel/components/i18n";
import { DataTable, type Column } from "../../kernel/components/table";
import { formatDate, formatList, formatNumber } from "../../kernel/i18n";
import type { FairnessTableCell } from "../domain/integrity";
import type { IntegrityPageData } from "../domain/integrity-page";
import { applicationColumn } from "./application-column";

type T = ReturnType<typeof useT>;

// Frozen constants: formatNumber finds their formatter, and the texts it made, by identity.
const DIGITS: Intl.NumberFormatOptions[] = [];
const digitsOptions = (digits: number) => (DIGITS[digits] ??= Object.freeze({ maximumFractionDigits: digits }));
const SIGNED: Intl.NumberFormatOptions = Object.freeze({ maximumFractionDigits: 2, signDisplay: "exceptZero" });
const PERCENT: Intl.NumberFormatOptions = Object.freeze({ style: "percent", maximumFractionDigits: 0 });
const TWO_SIGNIFICANT: Intl.NumberFormatOptions = Object.freeze({ maximumSignificantDigits: 2 });
const num = (v: number, t: T, digits = 2) => formatNumber(v, t.locale, digitsOptions(digits));
const signed = (v: number, t: T) => formatNumber(v, t.locale, SIGNED);
const pct = (v: number, t: T) => formatNumber(v, t.locale, PERCENT);
const p = (v: number, t: T) => formatNumber(v, t.locale, TWO_SIGNIFICANT);

export function JurorAuditSection({ data }: { data: IntegrityPageData["jurors"] }) {
  const t = useT();
  if (data.problem) return <p className="panel">{t(data.problem)}</p>;
  return (
    <>
      <p>{t("integrity.reviews_read", { count: data.reviews })}</p>
      <h3 id="pairs">{t("integrity.pairs_title")}</h3>
      {data.pairs.length === 0 ? (
        <p>{t("integrity.pairs_none")}</p>
      ) : (
        <>
          <p>{t("integrity.pairs_explain", { threshold: p(data.threshold ?? 0, t) })}</p>
          <DataTable
            rows={data.pairs}
            rowKey={(pair) => `${pair.a}|${pair.b}`}
            columns={[
              {
                head: "integrity.col_jurors",
                rowHeader: true,
                cell: (pair) => (
                  <bdi>{t("integrity.pair", { a: shownPseudonym(pair.a, t), b: shownPseudonym(pair.b, t) })}</bdi>
                ),
              },
              { head: "integrity.col_shared", cell: (pair) => pair.shared },
              { head: "integrity.col_agreement", cell: (pair) => num(pair.statistic, t) },
              { head: "integrity.col_p", cell: (pair) => p(pair.p, t) },
              flagColumn(t),
            ]}
          />
        </>
      )}
      <h3 id="home">{t("integrity.home_title")}</h3>
      <p>{t("integrity.home_explain")}</p>
      {data.homeBias.length === 0 ? (
        <p>{t("integrity.home_none")}</p>
      ) : (
        <DataTable
          rows={data.homeBias}
          rowKey={(h) => `${h.juror}|${h.group}`}
          columns={[
            { head: "integrity.col_juror", rowHeader: true, cell: (h) => <ShownName text={h.juror} /> },
            { head: "integrity.col_home", cell: (h) => t(`integrity.group.${h.group}`) },
            { head: "integrity.col_n", cell: (h) => h.n },
            { head: "integrity.col_estimate", cell: (h) => signed(h.estimate, t) },
            {
              head: "integrity.col_interval",
              cell: (h) =>
                t("integrity.interval", {
                  low: h.low === null ? "−∞" : signed(h.low, t),
                  high: h.high === null ? "∞" : signed(h.high, t),
                }),
            },
            flagColumn(t),
          ]}
        />
      )}
      {data.pairEvidence.length + data.homeEvidence.length > 0 ? <h3>{t("integrity.evidence_title")}</h3> : null}
      {data.pairEvidence.map((e) => (
        <EvidenceTable
          key={e.anchor}
          anchor={e.anchor}
          caption={
            <>
              <strong>{t("integrity.pair_evidence", { a: shownPseudonym(e.a, t), b: shownPseudonym(e.b, t) })}</strong>{" "}
              {t("integrity.pair_evidence_hint", { criteria: formatList(data.criteria, t.locale) })}
            </>
          }
          rows={e.rows}
          columns={[
            { head: "a", label: <ShownName text={e.a} />, cell: (r) => scores(r.a, r.aScore, t) },
            { head: "b", label: <ShownName text={e.b} />, cell: (r) => scores(r.b, r.bScore, t) },
            { head: "integrity.col_others", cell: (r) => (r.othersMean === null ? "—" : num(r.othersMean, t)) },
          ]}
          back={<a href="#pairs">{t("integrity.back_to_pairs")}</a>}
        />
      ))}
      {data.homeEvidence.map((e) => (
        <EvidenceTable
          key={e.anchor}
          anchor={e.anchor}
          caption={t("integrity.home_evidence", {
            name: shownPseudonym(e.juror, t),
            home: t(`integrity.group.${e.group}`),
          })}
          rows={e.rows}
          columns={[
            {
              head: "integrity.col_place",
              cell: (r) => (
                <>
                  <bdi>{r.place}</bdi> ({t(r.home ? "integrity.at_home" : "integrity.elsewhere")})
                </>
              ),
            },
            { head: "integrity.col_score", cell: (r) => num(r.score, t) },
            { head: "integrity.col_others", cell: (r) => num(r.othersMean, t) },
            { head: "integrity.col_difference", cell: (r) => signed(r.difference, t) },
          ]}
          back={<a href="#home">{t("integrity.back_to_home")}</a>}
        />
      ))}
    </>
  );
}

/** The last column of the pairs and home-bias tables: a link to the flag's evidence, or that there is none. */
function flagColumn<Row extends { anchor: string | null }>(t: T): Column<Row> {
  return {
    head: "integrity.col_flag",
    cell: (r) => (r.anchor ? <a href={`#${r.anchor}`}>{t("integrity.flagged")}</a> : t("integrity.not_flagged")),
  };
}

/** The scores behind one flag, the application naming each row, with a link back up to the flag. */
function EvidenceTable<Row extends { reference: string; title: string }>({
  anchor,
  caption,
  rows,
  columns,
  back,
}: {
  anchor: string;
  caption: ReactNode;
  rows: Row[];
  columns: Column<Row>[];
  back: ReactNode;
}) {
  return (
    <DataTable
      id={anchor}
      className="integrity-table"
      showCaption
      caption={caption}
      rows={rows}
      rowKey={(r) => r.reference}
      columns={[{ ...applicationColumn<Row>(), head: "integrity.col_application", rowHeader: true }, ...columns]}
    >
      <p>{back}</p>
    </DataTable>
  );
}

/** A review's criterion scores in order, then its overall score in brackets. */
function scores(list: (number | null)[], overall: number, t: T): string {
  return `${list.map((s) => (s === null ? "—" : num(s, t))).join(" · ")} (${num(overall, t)})`;
}

/** One cell of the fairness table: its count (or why not), then rate, impact ratio and p when shown. */
function cellText(c: FairnessTableCell, minCell: number, t: T): string {
  const count =
    c.hidden === "small"
      ? t("integrity.fewer_than", { min: minCell })
      : c.hidden === "secondary"
        ? t("integrity.hidden")
        : num(c.count ?? 0, t);
  if (c.rate === null) return count;
  const ratio = c.impactRatio === null ? "—" : `${num(c.impactRatio, t)}${c.impactRatio < 0.8 ? "*" : ""}`;
  return `${count}; ${pct(c.rate, t)}; ${ratio}; p = ${c.p === null ? "—" : p(c.p, t)}`;
}

export function FairnessSection({
  data,
  basePath,
  exportable = true,
}: {
  data: IntegrityPageData["fairness"];
  basePath: string;
  /** False where the page has no export beside it (the observer's). */
  exportable?: boolean;
}) {
  const t = useT();
  if (data.applications === 0) return <p className="panel">{t("integrity.no_applications")}</p>;
  const groupTitle = t(`integrity.attribute.${data.group}`);
  return (
    <>
      <p>{t("integrity.fairness_count", { count: data.applications })}</p>
      <p>{t("integrity.fairness_explain")}</p>
      <p>{t("integrity.fairness_hidden", { min: data.minCell })}</p>
      <p>
        {t("integrity.income_source", {
          year: data.incomeClassification.fiscalYear,
          date: formatDate(new Date(data.incomeClassification.published), t.locale),
          gniYear: data.incomeClassification.gniYear,
        })}
      </p>
      <p>{t("integrity.fairness_not_recorded")}</p>
      {exportable ? (
        <p>
          <a href={`${basePath}/export.csv`} className="button secondary" download>
            {t("integrity.export_csv")}
          </a>
        </p>
      ) : null}
      <nav aria-label={t("integrity.groups")}>
        <ul className="results-steps">
          {data.groups.map((g) => (
            <li key={g}>
              <Link
                to={`${basePath}?group=${g}#fairness`}
                aria-current={g === data.group ? "true" : undefined}
                preventScrollReset
              >
                {t(`integrity.attribute.${g}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        className="integrity-table"
        showCaption
        caption={t("integrity.table_caption", { group: groupTitle })}
        rows={data.values}
        rowKey={(v) => v.label}
        columns={[
          { head: "integrity.col_value", rowHeader: true, cell: (v) => <bdi>{v.label}</bdi> },
          ...data.stages.map((stage, i) => ({
            head: `integrity.stage.${stage}`,
            cell: (v: (typeof data.values)[number]) => cellText(v.cells[i], data.minCell, t),
          })),
        ]}
      />
    </>
  );
}

/** Both audits as a page shows them: independence of the jurors, then fairness by group. */
export function IntegrityAudits({
  data,
  basePath,
  exportable = true,
}: {
  data: Pick<IntegrityPageData, "scoringOpen" | "jurors" | "fairness">;
  basePath: string;
  exportable?: boolean;
}) {
  const t = useT();
  return (
    <>
      <p>{t("integrity.lead")}</p>
      <h2 id="jurors">{t("integrity.jurors_title")}</h2>
      {data.scoringOpen ? <p className="notice">{t("integrity.scoring_open")}</p> : null}
      <JurorAuditSection data={data.jurors} />
      <h2 id="fairness">{t("integrity.fairness_title")}</h2>
      <FairnessSection data={data.fairness} basePath={basePath} exportable={exportable} />
    </>
  );
}
