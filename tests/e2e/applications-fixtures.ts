// The e2e database needs an open call and a National Commission for the applicant's journeys;
// they are inserted directly (edition configuration is another area's work) and closed after.
import { randomUUID } from "node:crypto";
import { e2eDb, freeEditionYear } from "./support/db";

const RESERVED_FOR_FORM_TESTS = new Set(["KE", "SN"]);
const COUNTRIES =
  "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI GA GM GE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE ZW IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW".split(
    " ",
  );

export const E2E_RULES = [
  { key: "theme", en: "The project is relevant to the edition's theme" },
  { key: "one_year", en: "The project has been running for at least one year" },
  { key: "no_unesco_funding", en: "The project is not affiliated to UNESCO and receives no UNESCO funding" },
  { key: "public_free", en: "The project is public and free of charge" },
];

export interface OpenCall {
  editionId: string;
  year: number;
  entityId: string;
  entityName: string;
  country: string;
}

export function openCall(): OpenCall {
  const db = e2eDb();
  const now = Date.now();
  const day = 864e5;
  const year = freeEditionYear();
  const editionId = randomUUID();
  db.prepare(
    "insert into editions (id, year, theme_en, theme_fr, theme_ar, phase, call_opens_at, deadline_at, scoring_opens_at, scoring_closes_at, announcement_at, created_at) values (?, ?, ?, ?, ?, 'call_open', ?, ?, ?, ?, ?, ?)",
  ).run(
    editionId,
    year,
    "Digital learning for greening education",
    "L’apprentissage numérique pour verdir l’éducation",
    "التعلم الرقمي من أجل تخضير التعليم",
    now - day,
    now + 30 * day,
    now + 40 * day,
    now + 70 * day,
    now + 200 * day,
    now,
  );
  E2E_RULES.forEach((rule, position) =>
    db
      .prepare(
        "insert into eligibility_rules (id, edition_id, key, text_en, text_fr, text_ar, position) values (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(randomUUID(), editionId, rule.key, rule.en, `FR: ${rule.en}`, null, position),
  );
  const taken = new Set(
    (
      db.prepare("select country from nominating_entities where kind = 'national_commission'").all() as {
        country: string;
      }[]
    ).map((r) => r.country),
  );
  // KE and SN are kept for secretariat-invitations.spec.ts, which adds their commissions through
  // the form: a fixture taking one at random made that journey fail one run in sixty.
  const free = COUNTRIES.filter((c) => !taken.has(c) && !RESERVED_FOR_FORM_TESTS.has(c));
  const country = free[Math.floor(Math.random() * free.length)];
  const entityId = randomUUID();
  const entityName = `National Commission E2E ${country} ${year}`;
  db.prepare(
    "insert into nominating_entities (id, kind, name, country, created_at) values (?, 'national_commission', ?, ?, ?)",
  ).run(entityId, entityName, country, now);
  return { editionId, year, entityId, entityName, country };
}

/** Moves the edition on, so no other test sees two open calls. */
export function closeCall(call: OpenCall | undefined): void {
  if (call) e2eDb().prepare("update editions set phase = 'screening' where id = ?").run(call.editionId);
}

export { tinyPdf } from "./support/pdf";
