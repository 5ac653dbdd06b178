import type { ReactNode } from "react";
import { ShownName, useT } from "../../kernel/components/i18n";
import { LOCALE_NAMES, localized } from "../../kernel/i18n";
import { countryName } from "../../kernel/i18n/countries";

// Who stands behind the application for each reader: the applicant for the nominator, the
// nominating entity for the secretariat; and how each reader's pages name its language.
const READERS = {
  nominator: { party: "nominations.applicant", language: "nominations.language" },
  secretariat: { party: "screening.col.entity", language: "screening.language" },
} as const;

/**
 * What a sent application is, at a glance, for the nominator and for the screening secretariat:
 * its state, who stands behind it, its country and language; `children` add rows.
 */
export function ApplicationFacts({
  application,
  reader,
  children,
}: {
  application: {
    state: string;
    country: string | null;
    language: string;
    applicantName?: string | null;
    entityName?: string | null;
  };
  reader: keyof typeof READERS;
  children?: ReactNode;
}) {
  const t = useT();
  const labels = READERS[reader];
  return (
    <dl className="summary">
      <dt>{t("nominations.col.state")}</dt>
      <dd>{t(`nominations.state.${application.state}`)}</dd>
      <dt>{t(labels.party)}</dt>
      <dd dir="auto">
        {reader === "nominator" ? <ShownName text={application.applicantName ?? ""} /> : application.entityName}
      </dd>
      <dt>{t("nominations.col.country")}</dt>
      <dd>{countryName(application.country, t.locale)}</dd>
      <dt>{t(labels.language)}</dt>
      <dd>{localized(application.language, LOCALE_NAMES)}</dd>
      {children}
    </dl>
  );
}
