// The United Nations' short names (UNTERM, as UNESCO uses them) of the Member States and Associate
// Members whose name in Unicode's CLDR (what Intl.DisplayNames gives) differs in at least one of
// the app's languages: "Congo - Brazzaville", "Macao SAR China", "South Korea", "ساحل العاج"…
// The table is data, in country-names.json. An entry carries all three languages, so a country is named by one source in every language.
// Codes absent here are named by CLDR, which gives the UN's name in all three languages; a
// browser test checks that Chromium's CLDR agrees with Node's on each of them.
// Departures from UNTERM, on purpose: UNESCO's own names for Palestine ("Palestine", not "State of
// Palestine"), Macao ("Macao, China") and the Faroes; the typographic apostrophe (’) the app's
// copy uses. Uncertain: the Netherlands' Arabic short name after the UN adopted "Netherlands
// (Kingdom of the)" in 2024 is left as the former "هولندا" until checked against UNTERM.
import names from "./country-names.json";

export const UNESCO_COUNTRY_NAMES: Record<string, { en: string; fr: string; ar: string }> = names;
