// How an expected rank and its interval read, beside the bootstrap interval and in the certificate.
import { formatNumber } from "../../kernel/i18n";
import type { useT } from "../../kernel/components/i18n";

type T = ReturnType<typeof useT>;

// Frozen constants: formatNumber finds their formatter, and the texts it made, by identity.
const ONE_DECIMAL: Intl.NumberFormatOptions = Object.freeze({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT_ONE_DECIMAL: Intl.NumberFormatOptions = Object.freeze({ style: "percent", maximumFractionDigits: 1 });

export const expectedRankText = (e: { rank: number; low: number; high: number }, t: T) =>
  t("results.certificate.expected_value", {
    rank: formatNumber(e.rank, t.locale, ONE_DECIMAL),
    low: e.low,
    high: e.high,
  });

export const levelText = (level: number, t: T) => formatNumber(level, t.locale, PERCENT_ONE_DECIMAL);
