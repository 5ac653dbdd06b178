// The integrity page's two audits: the jurors (pairs, home bias, and the scores behind each
// flag, reached by its link) and the fairness of each stage for one group at a time. Plain
// links and tables: nothing needs JavaScript.
import { Link } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";
import { formatNumber } from "../../kernel/i18n";
import type { FairnessTableCell } from "../domain/integrity";
import type { IntegrityPageData } from "../domain/integrity-page";

type T = ReturnType<typeof useT>;

const num = (v: number, t: T, digits = 2) => formatNumber(v, t.locale, { maximumFractionDigits: digits });
const signed = (v: number, t: T) => formatNumber(v, t.locale, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
const pct = (v: number, t: T) => formatNumber(v, t.locale, { style: "percent", maximumFractionDigits: 0 });
const p = (v: number, t: T) => formatNumber(v, t.locale, { maximumSignificantDigits: 2 });

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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("integrity.col_jurors")}</th>
                  <th scope="col">{t("integrity.col_shared")}</th>
                  <th scope="col">{t("integrity.col_agreement")}</th>
                  <th scope="col">{t("integrity.col_p")}</th>
                  <th scope="col">{t("integrity.col_flag")}</th>
                </tr>
              </thead>
              <tbody>
                {data.pairs.map((pair) => (
                  <tr key={`${pair.a}|${pair.b}`}>
                    <th scope="row">
                      <bdi>{t("integrity.pair", { a: pair.a, b: pair.b })}</bdi>
                    </th>
                    <td>{pair.shared}</td>
                    <td>{num(pair.statistic, t)}</td>
                    <td>{p(pair.p, t)}</td>
                    <td>
                      {pair.anchor ? (
                        <a href={`#${pair.anchor}`}>{t("integrity.flagged")}</a>
                      ) : (
                        t("integrity.not_flagged")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3 id="home">{t("integrity.home_title")}</h3>
      <p>{t("integrity.home_explain")}</p>
      {data.homeBias.length === 0 ? (
        <p>{t("integrity.home_none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("integrity.col_juror")}</th>
                <th scope="col">{t("integrity.col_home")}</th>
                <th scope="col">{t("integrity.col_n")}</th>
                <th scope="col">{t("integrity.col_estimate")}</th>
                <th scope="col">{t("integrity.col_interval")}</th>
                <th scope="col">{t("integrity.col_flag")}</th>
              </tr>
            </thead>
            <tbody>
              {data.homeBias.map((h) => (
                <tr key={`${h.juror}|${h.group}`}>
                  <th scope="row">
                    <bdi>{h.juror}</bdi>
                  </th>
                  <td>{t(`integrity.group.${h.group}`)}</td>
                  <td>{h.n}</td>
                  <td>{signed(h.estimate, t)}</td>
                  <td>
                    {t("integrity.interval", {
                      low: h.low === null ? "−∞" : signed(h.low, t),
                      high: h.high === null ? "∞" : signed(h.high, t),
                    })}
                  </td>
                  <td>
                    {h.anchor ? <a href={`#${h.anchor}`}>{t("integrity.flagged")}</a> : t("integrity.not_flagged")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pairEvidence.length + data.homeEvidence.length > 0 ? <h3>{t("integrity.evidence_title")}</h3> : null}
      {data.pairEvidence.map((e) => (
        <div className="table-wrap" key={e.anchor}>
          <table id={e.anchor} className="integrity-table">
            <caption>
              <strong>{t("integrity.pair_evidence", { a: e.a, b: e.b })}</strong>{" "}
              {t("integrity.pair_evidence_hint", { criteria: data.criteria.join(", ") })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("integrity.col_application")}</th>
                <th scope="col">
                  <bdi>{e.a}</bdi>
                </th>
                <th scope="col">
                  <bdi>{e.b}</bdi>
                </th>
                <th scope="col">{t("integrity.col_others")}</th>
              </tr>
            </thead>
            <tbody>
              {e.rows.map((r) => (
                <tr key={r.reference}>
                  <th scope="row">
                    {r.reference} <bdi>{r.title}</bdi>
                  </th>
                  <td>{scores(r.a, r.aScore, t)}</td>
                  <td>{scores(r.b, r.bScore, t)}</td>
                  <td>{r.othersMean === null ? "—" : num(r.othersMean, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href="#pairs">{t("integrity.back_to_pairs")}</a>
          </p>
        </div>
      ))}
      {data.homeEvidence.map((e) => (
        <div className="table-wrap" key={e.anchor}>
          <table id={e.anchor} className="integrity-table">
            <caption>{t("integrity.home_evidence", { name: e.juror, home: t(`integrity.group.${e.group}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("integrity.col_application")}</th>
                <th scope="col">{t("integrity.col_place")}</th>
                <th scope="col">{t("integrity.col_score")}</th>
                <th scope="col">{t("integrity.col_others")}</th>
                <th scope="col">{t("integrity.col_difference")}</th>
              </tr>
            </thead>
            <tbody>
              {e.rows.map((r) => (
                <tr key={r.reference}>
                  <th scope="row">
                    {r.reference} <bdi>{r.title}</bdi>
                  </th>
                  <td>
                    <bdi>{r.place}</bdi> ({t(r.home ? "integrity.at_home" : "integrity.elsewhere")})
                  </td>
                  <td>{num(r.score, t)}</td>
                  <td>{num(r.othersMean, t)}</td>
                  <td>{signed(r.difference, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href="#home">{t("integrity.back_to_home")}</a>
          </p>
        </div>
      ))}
    </>
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
      <div className="table-wrap">
        <table className="integrity-table">
          <caption>{t("integrity.table_caption", { group: groupTitle })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("integrity.col_value")}</th>
              {data.stages.map((s) => (
                <th scope="col" key={s}>
                  {t(`integrity.stage.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.values.map((v) => (
              <tr key={v.label}>
                <th scope="row">
                  <bdi>{v.label}</bdi>
                </th>
                {v.cells.map((c) => (
                  <td key={c.stage}>{cellText(c, data.minCell, t)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
