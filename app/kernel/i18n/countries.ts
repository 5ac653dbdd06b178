import { UNESCO_COUNTRY_NAMES } from "./country-names";

export { UNESCO_COUNTRY_NAMES };

// ISO 3166-1 alpha-2 codes of UNESCO's 194 Member States (the 193 United Nations members less Israel
// and Liechtenstein, plus the Cook Islands, Niue and Palestine) and of its Associate Members. The
// United States' and Nicaragua's withdrawals, notified in 2025, take effect on 31 December 2026:
// their codes leave the list then. Not members, so not offered: Hong Kong, Taiwan, Kosovo, the Holy
// See, Greenland and other territories.
export const MEMBER_STATE_CODES =
  "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CK CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG NU MK NO OM PK PW PS PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW".split(
    " ",
  );

// UNESCO counted twelve Associate Members in 2023; these eleven are the ones its admissions record
// (Anguilla 2013, Montserrat 2015, New Caledonia 2017 and the eight before them). The twelfth could
// not be confirmed from the records at hand: add it here, with its names if CLDR's are not the UN's.
export const ASSOCIATE_MEMBER_CODES = "AI AW VG KY CW FO MO MS NC SX TK".split(" ");

/** Every country the app offers, 205 codes: Member States, then Associate Members. */
export const COUNTRY_CODES = [...MEMBER_STATE_CODES, ...ASSOCIATE_MEMBER_CODES];

export function isCountryCode(value: unknown): value is string {
  return typeof value === "string" && COUNTRY_CODES.includes(value);
}

const cache = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in the viewer's language: the UN's, from UNESCO_COUNTRY_NAMES where CLDR's is
 * not the UN's, else CLDR's (which then is). A code that is no longer offered (a country stored
 * before the list followed UNESCO's membership) still gets CLDR's name, so old records read well.
 */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const named = UNESCO_COUNTRY_NAMES[code]?.[locale as "en" | "fr" | "ar"];
  if (named) return named;
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    cache.set(locale, names);
  }
  return names.of(code) ?? code;
}

/**
 * Names and order depend on the CLDR data of whoever computes them where the table above leaves a
 * name to CLDR, and a browser's CLDR may be older or newer than Node's. A list rendered by the
 * server and hydrated in the browser therefore comes from the loader (countryOptions in
 * locale.server.ts): on a text that differs, React 18 throws the server's markup away and renders
 * the page anew, and with it goes whatever the visitor typed before the scripts had run.
 */
export function sortedCountries(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
