// "How close was it": the laureates' certificate in plain words — how few scores would change the
// laureates, the runner-up against the last laureate's interval, and the applications that cannot
// be separated from the cut-off — on the secretariat's decision page.
import { formatList, formatNumber } from "../../kernel/i18n";
import { shownPseudonym, useT } from "../../kernel/components/i18n";
import type { CertificateApplication, CertificateView } from "../domain/results-page";
import { expectedRankText, levelText } from "./expected-rank";
import { DataTable } from "../../kernel/components/table";
import { applicationColumn } from "./application-column";

type T = ReturnType<typeof useT>;

/** An application by its reference and its title, a pseudonym in the reader's language. */
const named = (a: CertificateApplication, t: T) => `${a.reference} ${shownPseudonym(a.title, t)}`;

const names = (list: CertificateApplication[], t: T) =>
  formatList(
    list.map((a) => named(a, t)),
    t.locale,
    "and",
  );

function Margin({ data, t }: { data: CertificateView; t: T }) {
  const m = data.margin;
  if (!m) return <p>{t("certificate.margin_unavailable", { reason: data.marginNote })}</p>;
  if (m.scores === null || m.points === null) return <p>{t("certificate.margin_none")}</p>;
  return (
    <>
      <p>
        {t("certificate.margin_scores", { count: m.scores })}{" "}
        {t("certificate.margin_points", {
          count: m.points,
          entering: names(m.entering, t),
          leaving: names(m.leaving, t),
        })}
      </p>
      {m.exact ? null : <p className="hint">{t("certificate.margin_bound")}</p>}
    </>
  );
}

export function CertificatePanel({ data }: { data: CertificateView }) {
  const t = useT();
  const level = levelText(data.level, t);
  const r = data.runnerUp;
  return (
    <section aria-labelledby="certificate" className="panel results-certificate">
      <h2 id="certificate">{t("certificate.title")}</h2>
      <p>{t("certificate.lead", { count: data.laureates })}</p>
      <Margin data={data} t={t} />
      {r ? (
        <p>
          {t(r.within ? "certificate.runner_within" : "certificate.runner_outside", {
            next: named(r.next, t),
            expected: formatNumber(r.next.expectedRank, t.locale, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
            level,
            last: named(r.last, t),
            low: r.last.low,
            high: r.last.high,
          })}
        </p>
      ) : null}
      {data.band.length === 0 ? (
        <p>{t("certificate.band_none", { level })}</p>
      ) : (
        <>
          <p>{t("certificate.band", { count: data.band.length, level })}</p>
          <DataTable
            showCaption
            caption={t("certificate.band_caption")}
            rows={data.band}
            rowKey={(a) => a.applicationId}
            columns={[
              { ...applicationColumn<CertificateApplication>(), rowHeader: true },
              {
                head: "results.certificate.col_expected",
                headValues: { level },
                cell: (a) => expectedRankText({ rank: a.expectedRank, low: a.low, high: a.high }, t),
              },
              { head: "results.col_rank", cell: (a) => a.rank },
              {
                head: "certificate.col_side",
                cell: (a) => t(a.laureate ? "certificate.side_in" : "certificate.side_out"),
              },
            ]}
          />
        </>
      )}
      <p className="hint">{t("results.certificate.explain", { draws: data.draws, level })}</p>
    </section>
  );
}
