// UNESCO's five regions, as UNESCO lists its Member States and Associate Members for its regional
// activities (not the geographic continents: Egypt, Djibouti and Somalia are Arab States,
// Central Asia is Asia and the Pacific, Israel and the United States are Europe and North
// America). UNESCO lists Malta in two regions (Europe, and the Arab States for some activities);
// an audit needs one region per country, so it takes the region of Malta's electoral group.
export const UNESCO_REGIONS = [
  "africa",
  "arab_states",
  "asia_pacific",
  "europe_north_america",
  "latin_america_caribbean",
] as const;
export type UnescoRegion = (typeof UNESCO_REGIONS)[number];

const MEMBERS: Record<UnescoRegion, string> = {
  africa:
    "AO BJ BW BF BI CV CM CF TD KM CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW",
  arab_states: "DZ BH DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
  asia_pacific:
    "AF AU BD BT BN KH CN CK KP FJ IN ID IR JP KZ KI KG LA MY MV MH FM MN MM NR NP NZ NU PK PW PG PH KR WS SG SB LK TJ TH TL TO TM TV UZ VU VN MO TK NC",
  europe_north_america:
    "AL AD AM AT AZ BY BE BA BG CA HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TR UA GB US FO",
  latin_america_caribbean:
    "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE AW CW SX VG KY AI MS",
};

const REGION_OF = new Map<string, UnescoRegion>(
  UNESCO_REGIONS.flatMap((region) => MEMBERS[region].split(" ").map((code) => [code, region] as const)),
);

/**
 * The UNESCO region of an ISO 3166-1 alpha-2 code; null for a code UNESCO places in no region. Israel, no
 * longer a Member State, keeps the region it had, so that applications stored before it left stay counted.
 */
export function unescoRegion(code: string | null | undefined): UnescoRegion | null {
  return (code && REGION_OF.get(code)) || null;
}
