// The results view shared by the secretariat's and the jury's pages: summary, reliability,
// the ranking table (paginated), one application's breakdown, jurors' leniency, the charts and
// the 'what if' form (a plain post; JavaScript only validates first).
import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { formatList, formatNumber, formatTime } from "../../kernel/i18n";
import { WEIGHT_PREFIX } from "../forms/results-fields";
import type { ResultsPageData, ResultsRow } from "../domain/results-page";
import { criterionTitle, jurorText, RefreshLink, useAskAgain } from "./labels";
import { SelectField, SubmitButton, TextField, ValidatedForm, type FormResult } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";
import { DistributionChart, LeniencyChart, RankIntervalChart } from "./charts";
import { METHODS } from "../../../scoring/types";
import { applicationColumn } from "./application-column";
import { DataTable } from "../../kernel/components/table";
import { expectedRankText, levelText } from "./expected-rank";
import { JURORS_PAGE_SIZE } from "../domain/results-page";
import { ShownName } from "../../kernel/components/i18n";

type T = ReturnType<typeof useT>;

// Frozen constants: formatNumber finds their formatter, and the texts it made, by identity.
const DIGITS: Intl.NumberFormatOptions[] = [];
const digitsOptions = (digits: number) =>
  (DIGITS[digits] ??= Object.freeze({ maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) }));
const PERCENT: Intl.NumberFormatOptions = Object.freeze({ style: "percent", maximumFractionDigits: 0 });
const num = (v: number, t: T, digits = 3) => formatNumber(v, t.locale, digitsOptions(digits));
const pct = (v: number, t: T) => formatNumber(v, t.locale, PERCENT);

export interface WhatIfResult extends FormResult {
  whatIf?: {
    problem: string | null;
    rows: {
      reference: string;
      title: string;
      rank: number;
      officialRank: number;
      change: number;
      probability: number;
    }[];
  };
}

/** Where a reader is in the results: the ranking's page, the jurors' page, an open breakdown. */
interface PlaceInResults {
  page: number;
  jurors: number;
  application?: string;
}

/**
 * A link within the results that keeps the reader's place in both tables: the first pages and a
 * closed breakdown leave the address bare, as the links of before did.
 */
export function resultsHref(basePath: string, place: PlaceInResults, anchor?: string): string {
  const query = new URLSearchParams();
  if (place.application) query.set("application", place.application);
  if (place.page > 1) query.set("page", String(place.page));
  if (place.jurors > 1) query.set("jurors", String(place.jurors));
  const search = query.toString();
  return `${basePath}${search ? `?${search}` : ""}${anchor ? `#${anchor}` : ""}`;
}

/**
 * An application's title beside its reference, as one box (results.css): on a narrow screen a long
 * title wrapped word by word left its first word on the reference's line, and in Arabic that word
 * showed on the far side of the reference ("Les KH-2023-0027 Sentinelles du littoral").
 */
function TitleBox({ text }: { text: string }) {
  return (
    <span className="results-title">
      <ShownName text={text} />
    </span>
  );
}

export function ResultsView({
  data,
  basePath,
  whatIf,
  readOnly = false,
}: {
  data: ResultsPageData;
  basePath: string;
  whatIf?: WhatIfResult | null;
  /** For an observer: no 'what if' form and no way into the secretariat's decision page. */
  readOnly?: boolean;
}) {
  const t = useT();
  useAskAgain(data.certificateSince !== null || data.intervalsSince !== null);
  if (data.problem) {
    return (
      <div className="panel">
        <p>{t(data.problem)}</p>
        {data.problemDetail ? (
          <p className="muted">
            <bdi>{data.problemDetail}</bdi>
          </p>
        ) : null}
      </div>
    );
  }
  const at = (change: Partial<PlaceInResults>, anchor?: string) =>
    resultsHref(basePath, { page: data.page, jurors: data.jurorsPage, ...change }, anchor);
  const { icc, alpha } = data.reliability ?? {};
  const summary = [
    ["results.official_method", t(`results.method_${data.officialMethod}`)],
    ["results.applications_count", data.count],
    ["results.laureates", data.laureates],
    [
      "results.icc",
      icc
        ? t("results.icc_value", {
            single: num(icc.single, t),
            singleBand: t(`results.band_${icc.singleBand}`),
            average: num(icc.average, t),
            averageBand: t(`results.band_${icc.averageBand}`),
          })
        : t("results.icc_none"),
    ],
    [
      "results.alpha",
      alpha
        ? t("results.alpha_value", { value: num(alpha.value, t), band: t(`results.band_${alpha.band}`) })
        : t("results.alpha_none"),
    ],
  ] as const;
  return (
    <>
      <dl className="summary">
        {summary.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="hint">{t("results.explain", { bootstrap: data.bootstrap })}</p>
      {data.certificate ? (
        <>
          <p className="hint">
            {t("results.certificate.explain", {
              draws: data.certificate.draws,
              level: levelText(data.certificate.level, t),
            })}
          </p>
          {readOnly ? null : (
            <p>
              <Link to={`${basePath.replace(/\/results$/, "/decision")}#certificate`}>
                {t("results.certificate.see_decision")}
              </Link>
            </p>
          )}
        </>
      ) : data.certificateSince !== null ? (
        <p className="hint" role="status" data-certificate="computing">
          {t("results.certificate.computing", { time: formatTime(data.certificateSince, t.locale) })} <RefreshLink />
        </p>
      ) : data.certificateFailed ? (
        <p className="hint" role="status" data-certificate="failed">
          {t("results.certificate.failed")} <RefreshLink />
        </p>
      ) : null}

      {data.intervalsSince !== null ? (
        <p className="hint" role="status" data-intervals="computing">
          {t("results.intervals_computing", {
            bootstrap: data.bootstrap,
            time: formatTime(data.intervalsSince, t.locale),
          })}{" "}
          <RefreshLink />
        </p>
      ) : null}
      <h2 id="ranking">{t("results.ranking")}</h2>
      <DataTable
        className="results-table"
        caption={t("results.ranking_caption", { page: data.page, pages: data.pages })}
        rows={data.rows}
        rowKey={(r) => r.applicationId}
        columns={[
          {
            head: "results.col_rank",
            cell: (r) => (
              <>
                {r.rank}
                {r.tied ? <span className="tag">{t("results.tied")}</span> : null}
              </>
            ),
          },
          {
            head: "results.col_application",
            cell: (r) => (
              <>
                <Link to={at({ application: r.applicationId }, "breakdown")}>
                  <bdi>{r.reference}</bdi>
                </Link>{" "}
                <TitleBox text={r.title} />
              </>
            ),
          },
          { head: "results.col_official", cell: (r) => num(r.official, t) },
          ...METHODS.map((m) => ({ head: `results.method_${m}`, cell: (r: ResultsRow) => num(r[m], t) })),
          // While the resamples are computed, the ranking comes without its intervals and probabilities.
          ...(data.intervalsSince === null
            ? [
                {
                  head: "results.col_interval",
                  cell: (r: ResultsRow) =>
                    r.low === null || r.high === null ? "" : t("results.interval_value", { low: r.low, high: r.high }),
                },
              ]
            : []),
          ...(data.certificate
            ? [
                {
                  head: "results.certificate.col_expected",
                  headValues: { level: levelText(data.certificate.level, t) },
                  cell: (r: ResultsRow) => (
                    <>
                      {r.expected ? expectedRankText(r.expected, t) : "—"}
                      {r.expected?.inBand ? <span className="tag">{t("results.certificate.in_band")}</span> : null}
                    </>
                  ),
                },
              ]
            : []),
          ...(data.intervalsSince === null
            ? [
                {
                  head: "results.col_probability",
                  cell: (r: ResultsRow) => (r.probability === null ? "" : pct(r.probability, t)),
                },
              ]
            : []),
          {
            head: "results.col_disagreement",
            cell: (r) => (
              <>
                {t("results.sd_range", { sd: num(r.sd, t), range: num(r.range, t) })} ·{" "}
                {t("results.review_count", { count: r.reviewCount })}
                {/* A rank that rests on one juror reads as firm as any other (its sd and range 0). */}
                {r.reviewCount === 1 ? <span className="tag warning">{t("results.single_review")}</span> : null}
                {r.outliers.length > 0 ? (
                  <span className="tag warning">
                    {t("results.outliers", {
                      jurors: formatList(
                        r.outliers.map((l) => jurorText(l, t)),
                        t.locale,
                      ),
                    })}
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {data.pages > 1 ? (
        <nav aria-label={t("results.pagination")} className="results-pagination">
          {data.page > 1 ? <Link to={at({ page: data.page - 1 })}>{t("results.previous")}</Link> : null}
          <span>{t("results.page_of", { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? <Link to={at({ page: data.page + 1 })}>{t("results.next")}</Link> : null}
        </nav>
      ) : null}

      {data.unranked.count > 0 ? (
        <section aria-labelledby="unranked" className="panel" data-unranked={data.unranked.count}>
          <h2 id="unranked">{t("results.unranked_title")}</h2>
          <p>{t("results.unranked_explain", { count: data.unranked.count })}</p>
          <ul>
            {data.unranked.shown.map((a) => (
              <li key={a.reference}>
                <bdi>{a.reference}</bdi> <TitleBox text={a.title} />
              </li>
            ))}
          </ul>
          {data.unranked.count > data.unranked.shown.length ? (
            <p>{t("results.unranked_more", { count: data.unranked.count - data.unranked.shown.length })}</p>
          ) : null}
          {data.viewerKind === "secretariat" && !readOnly ? (
            <p>
              <Link to={basePath.replace(/\/results$/, "/progress")}>{t("results.unranked_progress")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {data.breakdown ? (
        <section aria-labelledby="breakdown" className="panel">
          <h2 id="breakdown" tabIndex={-1}>
            {t("results.breakdown_title", { reference: data.breakdown.reference })}
          </h2>
          <p>
            <ShownName text={data.breakdown.title} /> — <bdi>{data.breakdown.organisation}</bdi>
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("results.col_juror")}</th>
                  {data.criteria.map((c) => (
                    <th scope="col" key={c.key}>
                      {criterionTitle(c, t.locale)}
                    </th>
                  ))}
                  <th scope="col">{t("results.col_confidence")}</th>
                  <th scope="col">{t("results.col_review_score")}</th>
                </tr>
              </thead>
              <tbody>
                {data.breakdown.reviews.map((rv, i) => (
                  <tr key={i}>
                    <th scope="row">{jurorText(rv.juror, t)}</th>
                    {rv.scores.map((s, j) => (
                      <td key={j}>{s ?? "—"}</td>
                    ))}
                    <td>{rv.confidence ?? "—"}</td>
                    <td>
                      {num(rv.score, t)}
                      {rv.outlier ? <span className="tag warning">{t("results.outlier")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={at({}, "ranking")}>{t("results.close_breakdown")}</Link>
          </p>
        </section>
      ) : null}

      <h2>{t("results.charts")}</h2>
      <RankIntervalChart data={data} />
      <DistributionChart data={data} />
      <LeniencyChart data={data} />

      <h2 id="jurors" tabIndex={-1}>
        {t("results.jurors")}
      </h2>
      <DataTable
        rows={data.jurors}
        caption={
          data.jurorsPages > 1
            ? t("results.jurors_caption", {
                from: (data.jurorsPage - 1) * JURORS_PAGE_SIZE + 1,
                to: (data.jurorsPage - 1) * JURORS_PAGE_SIZE + data.jurors.length,
                count: data.jurorCount,
              })
            : undefined
        }
        showCaption
        columns={[
          { head: "results.col_juror", cell: (j) => jurorText(j.label, t), rowHeader: true },
          { head: "results.col_reviews", cell: (j) => j.reviews },
          { head: "results.col_leniency", cell: (j) => num(j.leniency, t) },
          { head: "results.col_bias", cell: (j) => num(j.bias, t) },
        ]}
      />
      {data.jurorsPages > 1 ? (
        <nav aria-label={t("results.jurors_pagination")} className="results-pagination">
          {data.jurorsPage > 1 ? (
            <Link to={at({ jurors: data.jurorsPage - 1 }, "jurors")}>{t("results.jurors_previous")}</Link>
          ) : null}
          <span>{t("results.page_of", { page: data.jurorsPage, pages: data.jurorsPages })}</span>
          {data.jurorsPage < data.jurorsPages ? (
            <Link to={at({ jurors: data.jurorsPage + 1 }, "jurors")}>{t("results.jurors_next")}</Link>
          ) : null}
        </nav>
      ) : null}

      {readOnly ? null : <WhatIf data={data} whatIf={whatIf} />}
    </>
  );
}

function WhatIf({ data, whatIf }: { data: ResultsPageData; whatIf?: WhatIfResult | null }) {
  const t = useT();
  return (
    <>
      <h2 id="what-if">{t("results.whatif_title")}</h2>
      <p>{t("results.whatif_help")}</p>
      <ValidatedForm
        id="whatif"
        result={whatIf}
        defaultValues={{
          method: data.officialMethod,
          ...Object.fromEntries(data.criteria.map((c) => [`${WEIGHT_PREFIX}${c.key}`, String(c.weight)])),
        }}
      >
        <SelectField
          name="method"
          label={t("results.whatif_method")}
          options={METHODS.map((m) => ({ value: m, label: t(`results.method_${m}`) }))}
        />
        <div className="results-weights">
          {data.criteria.map((c) => (
            <TextField
              key={c.key}
              name={`${WEIGHT_PREFIX}${c.key}`}
              label={t("results.whatif_weight", { criterion: criterionTitle(c, t.locale) })}
            />
          ))}
        </div>
        <SubmitButton>{t("results.whatif_submit")}</SubmitButton>
      </ValidatedForm>
      {whatIf?.whatIf ? (
        whatIf.whatIf.problem ? (
          <p className="panel" role="status">
            {t(whatIf.whatIf.problem)}
          </p>
        ) : (
          <section aria-labelledby="whatif-result" aria-live="polite">
            <h3 id="whatif-result">{t("results.whatif_result")}</h3>
            <DataTable
              rows={whatIf.whatIf.rows}
              rowKey={(r) => r.reference}
              columns={[
                { head: "results.col_whatif_rank", cell: (r) => r.rank },
                applicationColumn(),
                { head: "results.col_official_rank", cell: (r) => r.officialRank },
                {
                  head: "results.col_change",
                  cell: (r) =>
                    r.change === 0
                      ? t("results.unchanged")
                      : r.change > 0
                        ? t("results.up", { n: r.change })
                        : t("results.down", { n: -r.change }),
                },
                { head: "results.col_probability", cell: (r) => pct(r.probability, t) },
              ]}
            />
          </section>
        )
      ) : null}
    </>
  );
}
