// Charts drawn as SVG on the server (no chart library in the browser). Each figure has a
// caption and a text alternative; the numbers are also in the tables of the page.
import type { ReactNode } from "react";
import { formatList, formatNumber } from "../../kernel/i18n";
import type { ResultsPageData } from "../domain/results-page";
import { useT } from "../../kernel/components/i18n";
import { criterionTitle, jurorText } from "./labels";

const W = 640;
// A frozen constant: formatNumber finds its formatter, and the texts it made, by identity.
const THREE_DIGITS: Intl.NumberFormatOptions = Object.freeze({ maximumFractionDigits: 3 });

/**
 * A chart's figure: the SVG, named by its title (`results.chart_<name>`) and described by its text
 * alternative, then the caption (`results.chart_<name>_caption`).
 */
function ChartFigure({
  id,
  name,
  height,
  desc,
  note,
  children,
}: {
  id: string;
  name: string;
  height: number;
  desc: string;
  /** A sentence after the caption (what the chart leaves out). */
  note?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <figure className="results-chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="results-svg">
        <title id={`${id}-title`}>{t(`results.chart_${name}`)}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
      <figcaption>
        {t(`results.chart_${name}_caption`)}
        {note ? ` ${note}` : null}
      </figcaption>
    </figure>
  );
}

/** The name of a chart's row, at its start. */
function RowLabel({ y, children }: { y: number; children: ReactNode }) {
  return (
    <text x={4} y={y} fontSize="11" fill="#222">
      {children}
    </text>
  );
}

/**
 * Each application's 95% rank interval as a bar, its rank as a dot (rank 1 at the start); none
 * while the intervals are being computed.
 */
export function RankIntervalChart({ data }: { data: ResultsPageData }) {
  const t = useT();
  const rows = data.rows.flatMap(({ low, high, ...r }) => (low === null || high === null ? [] : [{ ...r, low, high }]));
  if (rows.length === 0) return null;
  const n = Math.max(data.count, 1);
  const rowH = 18;
  const left = 110;
  const h = rows.length * rowH + 30;
  const x = (rank: number) => left + ((rank - 1) / Math.max(n - 1, 1)) * (W - left - 20);
  const desc = formatList(
    rows.map((r) =>
      t("results.chart_interval_item", { reference: r.reference, rank: r.rank, low: r.low, high: r.high }),
    ),
    t.locale,
    "groups",
  );
  return (
    <ChartFigure id="chart-intervals" name="intervals" height={h} desc={desc}>
      <line x1={left} y1={h - 20} x2={W - 20} y2={h - 20} stroke="#555" />
      <text x={left} y={h - 5} fontSize="11" fill="#222">
        1
      </text>
      <text x={W - 20} y={h - 5} fontSize="11" fill="#222" textAnchor="end">
        {n}
      </text>
      {rows.map((r, i) => {
        const y = i * rowH + 12;
        return (
          <g key={r.applicationId}>
            <RowLabel y={y + 4}>{r.reference}</RowLabel>
            <line x1={x(r.low)} y1={y} x2={x(r.high)} y2={y} stroke="#1d5fa8" strokeWidth="6" strokeLinecap="round" />
            <circle cx={x(r.rank)} cy={y} r="4" fill="#222" />
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Per criterion, how many reviews gave each score of the scale. */
export function DistributionChart({ data }: { data: ResultsPageData }) {
  const t = useT();
  if (data.distribution.length === 0 || data.count === 0) return null;
  const bins = data.scale.max - data.scale.min + 1;
  const rowH = 44;
  const left = 150;
  const h = data.distribution.length * rowH + 24;
  const bw = (W - left - 20) / bins;
  const max = Math.max(1, ...data.distribution.flatMap((d) => d.counts));
  const counts = (d: (typeof data.distribution)[number]) =>
    formatList(
      d.counts.map((c, i) => `${data.scale.min + i}→${c}`),
      t.locale,
    );
  const desc = formatList(
    data.distribution.map((d) => `${criterionTitle(d, t.locale)}: ${counts(d)}`),
    t.locale,
    "groups",
  );
  return (
    <ChartFigure id="chart-dist" name="distribution" height={h} desc={desc}>
      {data.distribution.map((d, i) => {
        const base = i * rowH + rowH - 6;
        return (
          <g key={d.key}>
            <RowLabel y={base - 12}>{criterionTitle(d, t.locale).slice(0, 24)}</RowLabel>
            {d.counts.map((c, b) => {
              const bh = (c / max) * (rowH - 14);
              return (
                <rect
                  key={b}
                  x={left + b * bw + 1}
                  y={base - bh}
                  width={Math.max(bw - 2, 1)}
                  height={bh}
                  fill="#1d5fa8"
                />
              );
            })}
          </g>
        );
      })}
      {Array.from({ length: bins }, (_, b) => (
        <text key={b} x={left + b * bw + bw / 2} y={h - 4} fontSize="10" fill="#222" textAnchor="middle">
          {data.scale.min + b}
        </text>
      ))}
    </ChartFigure>
  );
}

/**
 * Each juror's leniency: a bar to the right when more lenient than the average, left when harsher.
 * Of a large jury, only those furthest from the average (the page's `leniency`), as its caption says.
 */
export function LeniencyChart({ data }: { data: ResultsPageData }) {
  const t = useT();
  const jurors = data.leniency;
  if (jurors.length === 0) return null;
  const rowH = 22;
  const left = 170;
  const h = jurors.length * rowH + 10;
  const max = Math.max(0.05, ...jurors.map((j) => Math.abs(j.leniency)));
  const mid = left + (W - left - 20) / 2;
  const scale = (W - left - 20) / 2 / max;
  const desc = formatList(
    jurors.map((j) => `${jurorText(j.label, t)}: ${formatNumber(j.leniency, t.locale, THREE_DIGITS)}`),
    t.locale,
    "groups",
  );
  return (
    <ChartFigure
      id="chart-len"
      name="leniency"
      height={h}
      desc={desc}
      note={
        jurors.length < data.jurorCount
          ? t("results.chart_leniency_some", { shown: jurors.length, count: data.jurorCount })
          : undefined
      }
    >
      <line x1={mid} y1={0} x2={mid} y2={h} stroke="#555" />
      {jurors.map((j, i) => {
        const y = i * rowH + 6;
        const wdt = Math.abs(j.leniency) * scale;
        return (
          <g key={i}>
            <RowLabel y={y + 12}>{jurorText(j.label, t).slice(0, 26)}</RowLabel>
            <rect
              x={j.leniency >= 0 ? mid : mid - wdt}
              y={y}
              width={wdt}
              height={14}
              fill={j.leniency >= 0 ? "#2e7d32" : "#b3261e"}
            />
          </g>
        );
      })}
    </ChartFigure>
  );
}
