import { Link } from "@remix-run/react";
import { useT } from "./i18n";

/** Previous / next links that keep the other query parameters; plain links, no JavaScript. */
export function Pager({ page, pages, search }: { page: number; pages: number; search: string }) {
  const t = useT();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t("pager.label")} className="button-row">
      {page > 1 ? <Link to={href(page - 1)}>{t("pager.previous")}</Link> : null}
      <span>{t("pager.position", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t("pager.next")}</Link> : null}
    </nav>
  );
}

export function pageParam(request: Request): number {
  const value = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return Number.isInteger(value) && value > 0 ? value : 1;
}
