// The observer's pages of an edition (kept apart from the secretariat's steps: their messages are
// the observer area's, which only these pages load).
import { Link } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";

/** An observer's page of an edition: its heading (which names the year) and the way back to the overview. */
export function ObserverHeading({ title, edition }: { title: string; edition: { id: string; year: number } }) {
  const t = useT();
  return (
    <>
      <h1>{t(title, { year: edition.year })}</h1>
      <p>
        <Link to={`/observe/${edition.id}`}>{t("observer.back")}</Link>
      </p>
    </>
  );
}
