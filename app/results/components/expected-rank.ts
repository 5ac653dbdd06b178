// How an expected rank and its interval read, beside the bootstrap interval and in the certificate.
import { formatNumber } from "../../kernel/i18n";
import type { useT } from "../../kernel/components/i18n";

type T = ReturnType<typeof useT>;

export const expectedRankText = (e: { rank: number; low: number; high: number }, t: T) =>
  t("results.certificate.expected_value", {
    rank: formatNumber(e.rank, t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    low: e.low,
    high: e.high,
  });

export const levelText = (level: number, t: T) =>
  formatNumber(level, t.locale, { style: "percent", maximumFractionDigits: 1 });
