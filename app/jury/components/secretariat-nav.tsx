// Links between the secretariat's jury pages of one edition.
import { NavLink } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";

const PAGES = ["jury", "conflicts", "assignment", "progress"] as const;

export function JurySecretariatNav({ editionId, year }: { editionId: string; year: number }) {
  const t = useT();
  return (
    <nav aria-label={t("jury.nav.label", { year })} className="jury-noprint">
      <p>
        {PAGES.map((page, i) => (
          <span key={page}>
            {i > 0 ? " · " : ""}
            <NavLink to={`/secretariat/editions/${editionId}/${page}`} end>
              {t(`jury.nav.${page}`)}
            </NavLink>
          </span>
        ))}
      </p>
    </nav>
  );
}
