import { formatNumber, type Locale, type Vars } from "../i18n";

const KIB = 1024;
const MIB = 1024 * KIB;
const ONE_DECIMAL: Intl.NumberFormatOptions = Object.freeze({ maximumFractionDigits: 1 });

/**
 * A file's size in the reader's language and units, the same on every page that lists files: bytes
 * under a kilobyte (a small file never reads "0 kB"), whole kilobytes under a megabyte, then
 * megabytes to one decimal. Binary multiples, as the edition's file limits are counted, so a file
 * at the limit reads as the limit.
 */
export function formatFileSize(bytes: number, t: { (key: string, vars?: Vars): string; locale: Locale }): string {
  if (bytes < KIB) return t("file_size.bytes", { size: formatNumber(bytes, t.locale) });
  const kilobytes = Math.round(bytes / KIB);
  if (kilobytes < KIB) return t("file_size.kb", { size: formatNumber(kilobytes, t.locale) });
  return t("file_size.mb", { size: formatNumber(bytes / MIB, t.locale, ONE_DECIMAL) });
}
