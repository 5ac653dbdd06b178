import type { ReactNode } from "react";
import { useT } from "../../kernel/components/i18n";
import { LOCALE_NAMES, localized } from "../../kernel/i18n";
import { countryName } from "../../kernel/i18n/countries";

/**
 * What a sent application is, at a glance, for the nominator and for the screening secretariat:
 * its state, who stands behind it (`party`), its country and language; `children` add rows.
 */
export function ApplicationFacts({
  state,
  party,
  country,
  language,
  languageLabel,
  children,
}: {
  state: string;
  party: { label: string; name: string | null };
  country: string | null;
  language: string;
  languageLabel: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <dl className="summary">
      <dt>{t("nominations.col.state")}</dt>
      <dd>{t(`nominations.state.${state}`)}</dd>
      <dt>{party.label}</dt>
      <dd dir="auto">{party.name}</dd>
      <dt>{t("nominations.col.country")}</dt>
      <dd>{countryName(country, t.locale)}</dd>
      <dt>{languageLabel}</dt>
      <dd>{localized(language, LOCALE_NAMES)}</dd>
      {children}
    </dl>
  );
}
