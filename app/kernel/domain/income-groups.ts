// The World Bank's income groups, for the fairness audit's "country income group". A static, dated
// table (no network at run time): the World Bank revises its classification every 1 July, from the
// previous calendar year's gross national income per capita (Atlas method), and a maintainer copies
// the new list here, checked against the World Bank's own file (see decision 013). Countries and
// territories the World Bank does not classify (not members, or left unclassified for want of
// data) are "unclassified", so that every country the app knows has a group.
export const INCOME_GROUPS = ["low", "lower_middle", "upper_middle", "high", "unclassified"] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

/** Which list the table copies: pages and the decision snapshot say so. */
export const INCOME_CLASSIFICATION = {
  name: "World Bank country income classification, fiscal year 2026",
  fiscalYear: 2026,
  /** When the World Bank published it. */
  published: "2025-07-01",
  /** The year of the gross national income per capita it rests on (Atlas method). */
  gniYear: 2024,
} as const;

// Only the classified groups are listed; any other code the app knows is unclassified.
const MEMBERS: Record<Exclude<IncomeGroup, "unclassified">, string> = {
  low: "AF BF BI CF TD CD ER ET GM GW KP LR MG MW ML MZ NE RW SL SO SS SD SY TG UG YE",
  lower_middle:
    "AO BJ BD BT BO KH CM KM CG CI DJ EG SZ GH GN HT HN IN JO KE KI KG LA LB LS MR FM MA MM NA NP NI NG PK PG PH PS ST SN SB LK TJ TZ TL TN UZ VU VN ZM ZW",
  upper_middle:
    "AL DZ AR AM AZ BY BZ BA BW BR CV CN CO CU DM DO EC SV GQ FJ GA GE GD GT ID IR IQ JM KZ LY MY MV MH MU MX MD MN ME MK PY PE RS WS LC VC ZA SR TH TO TR TM TV UA",
  high: "AD AG AW AU AT BS BH BB BE BN BG VG CA KY CL HR CW CY CZ DK EE FO FI FR DE GR GY HU IS IE IL IT JP KW LV LT LU MO MT MC NR NL NC NZ NO OM PW PA PL PT QA RO RU KN SM SA SC SG SX SK SI KR ES SE CH TT AE GB US UY CR",
};

const GROUP_OF = new Map<string, IncomeGroup>(
  (Object.keys(MEMBERS) as (keyof typeof MEMBERS)[]).flatMap((group) =>
    MEMBERS[group].split(" ").map((code) => [code, group] as const),
  ),
);

/**
 * The income group of an ISO 3166-1 alpha-2 code under {@link INCOME_CLASSIFICATION}; null when
 * there is no code (an application without a country is left out of the table, as for the region).
 */
export function incomeGroup(code: string | null | undefined): IncomeGroup | null {
  if (!code) return null;
  return GROUP_OF.get(code) ?? "unclassified";
}
