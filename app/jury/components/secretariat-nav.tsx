// Links between the secretariat's jury pages of one edition, and back to the edition's overview
// (its phase, dates and next step), so that none of these pages is a dead end.
import { Link, NavLink } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";

const PAGES = ["jury", "conflicts", "assignment", "progress"] as const;

export function JurySecretariatNav({ editionId, year }: { editionId: string; year: number }) {
  const t = useT();
  return (
    <nav aria-label={t("jury.nav.label", { year })} className="jury-noprint">
      <p>
        <Link to={`/secretariat/editions/${editionId}`}>{t("jury.nav.edition", { year })}</Link>
        {PAGES.map((page) => (
          <span key={page}>
            {" · "}
            <NavLink to={`/secretariat/editions/${editionId}/${page}`} end>
              {t(`jury.nav.${page}`)}
            </NavLink>
          </span>
        ))}
      </p>
    </nav>
  );
}
