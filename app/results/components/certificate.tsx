// "How close was it": the laureates' certificate in plain words — how few scores would change the
// laureates, the runner-up against the last laureate's interval, and the applications that cannot
// be separated from the cut-off — on the secretariat's results and decision pages.
import { formatNumber } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";
import type { CertificateApplication, CertificateView } from "../domain/results-page";

type T = ReturnType<typeof useT>;

export const expectedRankText = (e: { rank: number; low: number; high: number }, t: T) =>
  t("results.certificate.expected_value", {
    rank: formatNumber(e.rank, t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    low: e.low,
    high: e.high,
  });

export const levelText = (level: number, t: T) =>
  formatNumber(level, t.locale, { style: "percent", maximumFractionDigits: 1 });

const names = (list: CertificateApplication[]) => list.map((a) => `${a.reference} ${a.title}`).join(", ");

function Margin({ data, t }: { data: CertificateView; t: T }) {
  const m = data.margin;
  if (!m) return <p>{t("results.certificate.margin_unavailable", { reason: data.marginNote })}</p>;
  if (m.scores === null || m.points === null) return <p>{t("results.certificate.margin_none")}</p>;
  return (
    <>
      <p>
        {t("results.certificate.margin_scores", { count: m.scores })}{" "}
        {t("results.certificate.margin_points", {
          count: m.points,
          entering: names(m.entering),
          leaving: names(m.leaving),
        })}
      </p>
      {m.exact ? null : <p className="hint">{t("results.certificate.margin_bound")}</p>}
    </>
  );
}

export function CertificatePanel({ data, headingLevel = 2 }: { data: CertificateView; headingLevel?: 2 | 3 }) {
  const t = useT();
  const level = levelText(data.level, t);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const r = data.runnerUp;
  return (
    <section aria-labelledby="certificate" className="panel results-certificate">
      <Heading id="certificate">{t("results.certificate.title")}</Heading>
      <p>{t("results.certificate.lead", { count: data.laureates })}</p>
      <Margin data={data} t={t} />
      {r ? (
        <p>
          {t(r.within ? "results.certificate.runner_within" : "results.certificate.runner_outside", {
            next: `${r.next.reference} ${r.next.title}`,
            expected: formatNumber(r.next.expectedRank, t.locale, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
            level,
            last: `${r.last.reference} ${r.last.title}`,
            low: r.last.low,
            high: r.last.high,
          })}
        </p>
      ) : null}
      {data.band.length === 0 ? (
        <p>{t("results.certificate.band_none", { level })}</p>
      ) : (
        <>
          <p>{t("results.certificate.band", { count: data.band.length, level })}</p>
          <div className="table-wrap">
            <table>
              <caption>{t("results.certificate.band_caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.col_application")}</th>
                  <th scope="col">{t("results.certificate.col_expected", { level })}</th>
                  <th scope="col">{t("results.col_rank")}</th>
                  <th scope="col">{t("results.certificate.col_side")}</th>
                </tr>
              </thead>
              <tbody>
                {data.band.map((a) => (
                  <tr key={a.applicationId}>
                    <th scope="row">
                      {a.reference} <bdi>{a.title}</bdi>
                    </th>
                    <td>{expectedRankText({ rank: a.expectedRank, low: a.low, high: a.high }, t)}</td>
                    <td>{a.rank}</td>
                    <td>{t(a.laureate ? "results.certificate.side_in" : "results.certificate.side_out")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="hint">{t("results.certificate.explain", { draws: data.draws, level })}</p>
    </section>
  );
}
