import { Link } from "@remix-run/react";
import { useT } from "./i18n";

/**
 * Previous / next links that keep the other query parameters; plain links, no JavaScript. Two
 * pagers on one page need their own query parameter (param) and accessible name (label).
 */
export function Pager({
  page,
  pages,
  search,
  param = "page",
  label,
}: {
  page: number;
  pages: number;
  search: string;
  param?: string;
  label?: string;
}) {
  const t = useT();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set(param, String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={label ?? t("pager.label")} className="button-row">
      {page > 1 ? <Link to={href(page - 1)}>{t("pager.previous")}</Link> : null}
      <span>{t("pager.position", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t("pager.next")}</Link> : null}
    </nav>
  );
}

export function pageParam(request: Request, param = "page"): number {
  const value = Number(new URL(request.url).searchParams.get(param) ?? "1");
  // Past MAX_PAGE the page number stays MAX_PAGE (an empty page past the last, as for any page
  // past it): a bigger one made an OFFSET SQLite cannot take as an integer (1e20 × 50 rows).
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_PAGE) : 1;
}

/**
 * A count a page's own redirect put in its query (`?published=6`), for its notice: digits only,
 * else null, so that a link setting it to a word or a negative number shows no notice rather
 * than a false one.
 */
export function countParam(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The largest page number a list is asked for: far past any list's end, an exact integer. */
export const MAX_PAGE = 1_000_000;
