// The demo database: one edition shaped like the 2023 edition ("Digital learning for greening
// education"), caught in its scoring phase, with a secretariat, six nominating entities, a
// five-member jury and about eighty applications in every state an application can reach
// before a decision. `laureate` and `not_selected` only exist after the Director-General's
// decision, so this scoring-phase demo has none.
//
//   npx tsx db/seed/demo.ts            (writes DEMO_DATABASE_PATH, default data/demo.db)
//
// Everything is deterministic: a seeded PRNG (mulberry32(2023)) and fixed instants, so two
// runs give the same titles, references, countries and scores. Only the random UUID ids (by
// design, see db/schema.ts) and the argon2 salt of the shared demo password differ.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../../app/accounts/server/password.server";
import { writeAudit, type AuditEntry } from "../../app/kernel/models/audit.server";
import { DEMO_MAIL_DOMAIN, organisationDomain } from "../../app/jury/models/jury.server";
import { DEFAULT_CRITERIA, DEFAULT_RULES } from "../../app/editions/domain/defaults";
import { ORGANISATION_TYPES, type ApplicationContent, type SectionKey } from "../../app/applications/forms/sections";
import { openDatabase, type DB } from "../client";
import {
  applications,
  assignments,
  conflicts,
  criteria,
  editions,
  eligibilityRules,
  entityMembers,
  juryMembers,
  nominatingEntities,
  reviews,
  screeningDecisions,
  userRoles,
  users,
} from "../schema";
import type { APPLICATION_STATES } from "../enums";
import { seedPastLaureates } from "./past-laureates";

export const DEMO_PASSWORD = "demo-password-2023";
export const DEMO_SEED = 2023;
// Applicants, nominators and the secretariat share the placeholder domain, which names no
// organisation (conflict detection ignores it); each juror has an organisation of their own.
const DOMAIN = DEMO_MAIL_DOMAIN;

type AppState = (typeof APPLICATION_STATES)[number];
type Lang = "en" | "fr";

// ---------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// Fixed instants

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

const EDITION_CREATED = utc("2023-11-15T10:00:00Z");
const CALL_OPENS = utc("2023-12-01T09:00:00Z");
/** Midnight, Paris time, at the end of 5 February 2024. */
const DEADLINE = utc("2024-02-05T23:00:00Z");
const SCREENING_STARTS = utc("2024-02-06T09:00:00Z");
const JURY_APPOINTED = utc("2024-01-10T10:00:00Z");
const SCORING_OPENS = utc("2024-02-20T09:00:00Z");
/**
 * Deliberately far in the future: the demo stays in its scoring phase, with scoring open,
 * whenever someone explores it (the real 2023 jury met in March 2024). Midnight Paris time
 * (CEST) at the end of 31 March 2027.
 */
const SCORING_CLOSES = utc("2027-03-31T22:00:00Z");
const ANNOUNCEMENT = utc("2027-09-02T08:00:00Z");
const LAST_ACTIVITY_BEFORE_DEADLINE = utc("2024-02-05T20:00:00Z");

// ---------------------------------------------------------------------------------------
// The 2023 edition

const THEME = {
  en: "Digital learning for greening education",
  fr: "L’apprentissage numérique pour verdir l’éducation",
  ar: "التعلم الرقمي من أجل تخضير التعليم",
};

const CALL_TEXT_EN = `UNESCO invites the governments of its Member States, through their National Commissions for UNESCO, and non-governmental organizations in official partnership with UNESCO to nominate projects for the 2023 edition of the UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education.

The 2023 edition rewards innovative projects that use digital technologies to green education: to help learners and teachers acquire the knowledge, skills, values and attitudes needed to address climate change and to promote sustainable development.

Candidates fill in the application form in English or French and ask a nominating entity to nominate them; self-nomination is not accepted. Each nominating entity may nominate up to three candidatures. Nominations must reach UNESCO by 5 February 2024, midnight Paris time.

Two laureates will each receive US$25,000, a medal and a diploma at a ceremony at UNESCO Headquarters in Paris.`;

const CALL_TEXT_FR = `L’UNESCO invite les gouvernements de ses États membres, par l’intermédiaire de leur commission nationale pour l’UNESCO, ainsi que les organisations non gouvernementales en partenariat officiel avec l’UNESCO, à proposer des projets pour l’édition 2023 du Prix UNESCO-Roi Hamad Bin Isa Al-Khalifa pour l’utilisation des TIC dans l’éducation.

L’édition 2023 récompense des projets innovants qui utilisent les technologies numériques pour verdir l’éducation : aider les apprenants et les enseignants à acquérir les connaissances, les compétences, les valeurs et les attitudes nécessaires pour faire face au changement climatique et promouvoir le développement durable.

Les candidats remplissent le formulaire en anglais ou en français et demandent à une entité de les proposer ; l’auto-candidature n’est pas acceptée. Chaque entité peut proposer jusqu’à trois candidatures. Les candidatures doivent parvenir à l’UNESCO au plus tard le 5 février 2024 à minuit, heure de Paris.

Les deux lauréats recevront chacun 25 000 dollars des États-Unis, une médaille et un diplôme lors d’une cérémonie au Siège de l’UNESCO à Paris.`;

// The 2023 criteria and eligibility rules: the same defaults a new edition starts with.
export const DEMO_CRITERIA = DEFAULT_CRITERIA;
export const DEMO_RULES = DEFAULT_RULES;

// ---------------------------------------------------------------------------------------
// People and places

interface Country {
  code: string;
  en: string;
  fr: string;
  /** Share of applications written in French. */
  frShare: number;
  cities: string[];
  first: string[];
  last: string[];
}

const COUNTRIES: readonly Country[] = [
  { code: "KE", en: "Kenya", fr: "Kenya", frShare: 0, cities: ["Nairobi", "Kisumu", "Mombasa"], first: ["Wanjiru", "Otieno", "Achieng", "Kiprono"], last: ["Kamau", "Odhiambo", "Mutua", "Chebet"] },
  { code: "FR", en: "France", fr: "France", frShare: 0.6, cities: ["Lyon", "Marseille", "Lille", "Rennes"], first: ["Camille", "Julien", "Léa", "Thomas"], last: ["Martin", "Bernard", "Lefèvre", "Moreau"] },
  { code: "BR", en: "Brazil", fr: "Brésil", frShare: 0, cities: ["Recife", "Belo Horizonte", "Porto Alegre", "Manaus"], first: ["Ana", "João", "Mariana", "Lucas"], last: ["Silva", "Oliveira", "Santos", "Pereira"] },
  { code: "IN", en: "India", fr: "Inde", frShare: 0, cities: ["Pune", "Chennai", "Jaipur", "Guwahati"], first: ["Priya", "Arjun", "Kavya", "Rohan"], last: ["Sharma", "Iyer", "Das", "Menon"] },
  { code: "NG", en: "Nigeria", fr: "Nigéria", frShare: 0, cities: ["Lagos", "Ibadan", "Kano"], first: ["Chidinma", "Emeka", "Aisha"], last: ["Okafor", "Adeyemi", "Bello"] },
  { code: "GH", en: "Ghana", fr: "Ghana", frShare: 0, cities: ["Accra", "Kumasi", "Tamale"], first: ["Ama", "Kofi", "Efua"], last: ["Asante", "Owusu", "Boateng"] },
  { code: "ZA", en: "South Africa", fr: "Afrique du Sud", frShare: 0, cities: ["Cape Town", "Durban", "Polokwane"], first: ["Thandi", "Sipho", "Lerato"], last: ["Nkosi", "Dlamini", "Mokoena"] },
  { code: "SN", en: "Senegal", fr: "Sénégal", frShare: 1, cities: ["Dakar", "Saint-Louis", "Thiès"], first: ["Aminata", "Moussa", "Fatou"], last: ["Ndiaye", "Diop", "Sow"] },
  { code: "CI", en: "Côte d’Ivoire", fr: "Côte d’Ivoire", frShare: 1, cities: ["Abidjan", "Bouaké", "Yamoussoukro"], first: ["Awa", "Koffi", "Mariam"], last: ["Kouassi", "Traoré", "Koné"] },
  { code: "CM", en: "Cameroon", fr: "Cameroun", frShare: 0.8, cities: ["Yaoundé", "Douala", "Garoua"], first: ["Brigitte", "Samuel", "Nadège"], last: ["Mbarga", "Fotso", "Ngono"] },
  { code: "RW", en: "Rwanda", fr: "Rwanda", frShare: 0, cities: ["Kigali", "Huye", "Musanze"], first: ["Aline", "Eric", "Claudine"], last: ["Uwase", "Habimana", "Mukamana"] },
  { code: "UG", en: "Uganda", fr: "Ouganda", frShare: 0, cities: ["Kampala", "Gulu", "Mbarara"], first: ["Grace", "Ivan", "Patience"], last: ["Nakato", "Okello", "Tumusiime"] },
  { code: "MA", en: "Morocco", fr: "Maroc", frShare: 1, cities: ["Rabat", "Fès", "Agadir"], first: ["Salma", "Youssef", "Imane"], last: ["El Amrani", "Bennani", "Ouazzani"] },
  { code: "TN", en: "Tunisia", fr: "Tunisie", frShare: 1, cities: ["Tunis", "Sfax", "Sousse"], first: ["Amira", "Karim", "Rania"], last: ["Ben Salah", "Trabelsi", "Gharbi"] },
  { code: "EG", en: "Egypt", fr: "Égypte", frShare: 0, cities: ["Cairo", "Alexandria", "Aswan"], first: ["Mona", "Ahmed", "Yasmin"], last: ["Hassan", "Mostafa", "El-Sayed"] },
  { code: "JO", en: "Jordan", fr: "Jordanie", frShare: 0, cities: ["Amman", "Irbid", "Aqaba"], first: ["Lina", "Omar", "Dana"], last: ["Haddad", "Khalil", "Nasser"] },
  { code: "MX", en: "Mexico", fr: "Mexique", frShare: 0, cities: ["Oaxaca", "Guadalajara", "Mérida"], first: ["Valeria", "Diego", "Ximena"], last: ["Hernández", "López", "Cruz"] },
  { code: "CO", en: "Colombia", fr: "Colombie", frShare: 0, cities: ["Medellín", "Cali", "Manizales"], first: ["Paula", "Andrés", "Natalia"], last: ["Gómez", "Restrepo", "Vargas"] },
  { code: "CL", en: "Chile", fr: "Chili", frShare: 0, cities: ["Valparaíso", "Concepción", "Temuco"], first: ["Catalina", "Matías", "Javiera"], last: ["Muñoz", "Rojas", "Soto"] },
  { code: "PE", en: "Peru", fr: "Pérou", frShare: 0, cities: ["Cusco", "Arequipa", "Iquitos"], first: ["Rosa", "Luis", "Milagros"], last: ["Quispe", "Mamani", "Flores"] },
  { code: "AR", en: "Argentina", fr: "Argentine", frShare: 0, cities: ["Córdoba", "Rosario", "Mendoza"], first: ["Florencia", "Martín", "Agustina"], last: ["González", "Fernández", "Romero"] },
  { code: "JP", en: "Japan", fr: "Japon", frShare: 0, cities: ["Sendai", "Kyoto", "Fukuoka"], first: ["Yuki", "Kenji", "Aiko"], last: ["Sato", "Suzuki", "Watanabe"] },
  { code: "KR", en: "Republic of Korea", fr: "République de Corée", frShare: 0, cities: ["Busan", "Daejeon", "Gwangju"], first: ["Ji-woo", "Min-jun", "Seo-yeon"], last: ["Kim", "Park", "Choi"] },
  { code: "ID", en: "Indonesia", fr: "Indonésie", frShare: 0, cities: ["Yogyakarta", "Bandung", "Makassar"], first: ["Siti", "Budi", "Dewi"], last: ["Santoso", "Wijaya", "Lestari"] },
  { code: "PH", en: "Philippines", fr: "Philippines", frShare: 0, cities: ["Cebu", "Davao", "Iloilo"], first: ["Maria", "Jose", "Angelica"], last: ["Reyes", "Bautista", "Villanueva"] },
  { code: "VN", en: "Viet Nam", fr: "Viet Nam", frShare: 0, cities: ["Hanoi", "Da Nang", "Huế"], first: ["Linh", "Minh", "Thu"], last: ["Nguyen", "Tran", "Pham"] },
  { code: "BD", en: "Bangladesh", fr: "Bangladesh", frShare: 0, cities: ["Dhaka", "Khulna", "Sylhet"], first: ["Nusrat", "Tanvir", "Farhana"], last: ["Rahman", "Hossain", "Akter"] },
  { code: "NP", en: "Nepal", fr: "Népal", frShare: 0, cities: ["Kathmandu", "Pokhara", "Biratnagar"], first: ["Sita", "Bikash", "Anjali"], last: ["Shrestha", "Gurung", "Thapa"] },
  { code: "SE", en: "Sweden", fr: "Suède", frShare: 0, cities: ["Umeå", "Malmö", "Uppsala"], first: ["Elsa", "Oskar", "Maja"], last: ["Lindberg", "Nilsson", "Ek"] },
  { code: "FI", en: "Finland", fr: "Finlande", frShare: 0, cities: ["Oulu", "Tampere", "Jyväskylä"], first: ["Aino", "Mikko", "Sanna"], last: ["Virtanen", "Korhonen", "Mäkinen"] },
  { code: "DE", en: "Germany", fr: "Allemagne", frShare: 0, cities: ["Freiburg", "Leipzig", "Bremen"], first: ["Lena", "Jonas", "Miriam"], last: ["Becker", "Schulz", "Hoffmann"] },
  { code: "ES", en: "Spain", fr: "Espagne", frShare: 0, cities: ["Valencia", "Sevilla", "Bilbao"], first: ["Lucía", "Pablo", "Irene"], last: ["García", "Martínez", "Navarro"] },
  { code: "IT", en: "Italy", fr: "Italie", frShare: 0, cities: ["Bologna", "Torino", "Palermo"], first: ["Giulia", "Marco", "Chiara"], last: ["Rossi", "Bianchi", "Ricci"] },
  { code: "CA", en: "Canada", fr: "Canada", frShare: 0.3, cities: ["Montréal", "Halifax", "Winnipeg"], first: ["Émilie", "Liam", "Chloé"], last: ["Tremblay", "MacDonald", "Roy"] },
  { code: "FJ", en: "Fiji", fr: "Fidji", frShare: 0, cities: ["Suva", "Lautoka", "Labasa"], first: ["Litia", "Josefa", "Mere"], last: ["Waqa", "Naivalu", "Koroi"] },
  { code: "HT", en: "Haiti", fr: "Haïti", frShare: 1, cities: ["Port-au-Prince", "Cap-Haïtien", "Jacmel"], first: ["Nadine", "Jean-Robert", "Guerda"], last: ["Joseph", "Pierre", "Jean-Baptiste"] },
];
const COUNTRY = new Map(COUNTRIES.map((c) => [c.code, c]));
const country = (code: string): Country => {
  const found = COUNTRY.get(code);
  if (!found) throw new Error(`demo: unknown country ${code}`);
  return found;
};

type EntityKey = "KE" | "FR" | "BR" | "IN" | "EI" | "ICDE";

interface EntitySeed {
  key: EntityKey;
  kind: "national_commission" | "ngo";
  name: string;
  country: string;
  lang: Lang;
  nominator: { name: string; email: string };
}

const ENTITIES: readonly EntitySeed[] = [
  { key: "KE", kind: "national_commission", name: "Kenya National Commission for UNESCO", country: "KE", lang: "en", nominator: { name: "Joseph Njoroge", email: `nominator.kenya@${DOMAIN}` } },
  { key: "FR", kind: "national_commission", name: "Commission nationale française pour l’UNESCO", country: "FR", lang: "fr", nominator: { name: "Hélène Garnier", email: `nominator.france@${DOMAIN}` } },
  { key: "BR", kind: "national_commission", name: "Brazilian National Commission for UNESCO", country: "BR", lang: "en", nominator: { name: "Renata Albuquerque", email: `nominator.brazil@${DOMAIN}` } },
  { key: "IN", kind: "national_commission", name: "Indian National Commission for Cooperation with UNESCO", country: "IN", lang: "en", nominator: { name: "Anand Krishnan", email: `nominator.india@${DOMAIN}` } },
  { key: "EI", kind: "ngo", name: "Education International", country: "BE", lang: "en", nominator: { name: "Sophie Vandenberghe", email: `nominator.ei@${DOMAIN}` } },
  { key: "ICDE", kind: "ngo", name: "International Council for Open and Distance Education (ICDE)", country: "NO", lang: "en", nominator: { name: "Ingrid Solberg", email: `nominator.icde@${DOMAIN}` } },
];

interface JurorSeed {
  name: string;
  email: string;
  country: string;
  locale: "en" | "fr" | "ar";
  languages: string[];
  expertise: string[];
  isChair: boolean;
  /** Added to every score: lenient jurors above zero, harsh ones below. */
  leniency: number;
  conflictsDeclaredAt: Date;
}

const JURORS: readonly JurorSeed[] = [
  { name: "Nadia Benali", email: `nadia.benali@ens-rabat.${DOMAIN}`, country: "MA", locale: "fr", languages: ["en", "fr", "ar"], expertise: ["teacher education", "inclusive education", "Arabic-language digital content"], isChair: true, leniency: 0.3, conflictsDeclaredAt: utc("2024-02-15T10:30:00Z") },
  { name: "Élise Marchand", email: `elise.marchand@univ-lyon.${DOMAIN}`, country: "FR", locale: "fr", languages: ["en", "fr"], expertise: ["education for sustainable development", "open educational resources"], isChair: false, leniency: -1.3, conflictsDeclaredAt: utc("2024-02-16T08:10:00Z") },
  { name: "Hiroshi Tanaka", email: `hiroshi.tanaka@learning-lab.${DOMAIN}`, country: "JP", locale: "en", languages: ["en"], expertise: ["learning analytics", "educational technology policy"], isChair: false, leniency: -0.5, conflictsDeclaredAt: utc("2024-02-16T01:45:00Z") },
  { name: "Kwame Mensah", email: `kwame.mensah@edtech-accra.${DOMAIN}`, country: "GH", locale: "en", languages: ["en", "fr"], expertise: ["mobile learning", "low-connectivity solutions", "teacher professional development"], isChair: false, leniency: 1.5, conflictsDeclaredAt: utc("2024-02-17T14:00:00Z") },
  { name: "Sofía Ramírez Castillo", email: `sofia.ramirez@edu-bogota.${DOMAIN}`, country: "CO", locale: "en", languages: ["en", "es", "fr"], expertise: ["climate change education", "evaluation and impact assessment"], isChair: false, leniency: 0.4, conflictsDeclaredAt: utc("2024-02-18T16:20:00Z") },
];

const SECRETARIAT = { name: "Amina Diallo", email: `secretariat@${DOMAIN}` };

// ---------------------------------------------------------------------------------------
// Application plan: which states, for which entities, in which countries

interface Plan {
  state: AppState;
  entity: EntityKey | null;
  country?: string;
  language?: Lang;
  /** For ineligible applications: the rule that failed. */
  fails?: string;
  /** Sofía Ramírez Castillo declares a conflict with this one. */
  declaredConflict?: boolean;
  /** The applicant's e-mail is at this juror's organisation: detection proposes a conflict. */
  sharesOrganisationWith?: string;
}

const rep = (n: number, plan: Plan): Plan[] => Array.from({ length: n }, () => ({ ...plan }));

/**
 * Each entity nominates at most three (the edition's quota): 17 nominations in all, most of
 * them eligible. The Kenyan Commission has nominated two and still has one place left, with
 * three candidatures waiting for it, so its nominator has something to do in the demo.
 */
const PLAN: readonly Plan[] = [
  ...rep(2, { state: "eligible", entity: "KE" }),
  ...rep(3, { state: "awaiting_nominator", entity: "KE" }),
  { state: "returned", entity: "KE" },
  { state: "declined", entity: "KE" },
  { state: "draft", entity: null, country: "KE" },

  { state: "eligible", entity: "FR", language: "fr" },
  { state: "eligible", entity: "FR", language: "en" },
  { state: "ineligible", entity: "FR", fails: "no_unesco_funding" },
  ...rep(2, { state: "awaiting_nominator", entity: "FR" }),
  { state: "returned", entity: "FR" },
  { state: "declined", entity: "FR" },
  { state: "withdrawn", entity: "FR" },
  { state: "draft", entity: null, country: "FR" },

  { state: "eligible", entity: "BR", declaredConflict: true },
  { state: "eligible", entity: "BR", sharesOrganisationWith: "Élise Marchand" },
  { state: "nominated", entity: "BR" },
  ...rep(2, { state: "awaiting_nominator", entity: "BR" }),
  { state: "returned", entity: "BR" },
  { state: "declined", entity: "BR" },
  { state: "withdrawn", entity: "BR" },
  { state: "draft", entity: null, country: "BR" },

  { state: "eligible", entity: "IN", sharesOrganisationWith: "Hiroshi Tanaka" },
  { state: "eligible", entity: "IN" },
  { state: "ineligible", entity: "IN", fails: "one_year" },
  ...rep(2, { state: "awaiting_nominator", entity: "IN" }),
  { state: "returned", entity: "IN" },
  ...rep(2, { state: "declined", entity: "IN" }),
  { state: "withdrawn", entity: "IN" },
  { state: "draft", entity: null, country: "IN" },

  { state: "eligible", entity: "EI", country: "JP", language: "en" },
  { state: "eligible", entity: "EI", country: "GH", language: "en" },
  { state: "nominated", entity: "EI", country: "PH" },
  ...rep(4, { state: "awaiting_nominator", entity: "EI" }),
  ...rep(2, { state: "returned", entity: "EI" }),
  ...rep(2, { state: "declined", entity: "EI" }),
  ...rep(2, { state: "withdrawn", entity: "EI" }),

  { state: "eligible", entity: "ICDE", country: "MA", language: "fr" },
  { state: "ineligible", entity: "ICDE", country: "ID", language: "en", fails: "free_of_charge" },
  { state: "nominated", entity: "ICDE", country: "CL" },
  ...rep(3, { state: "awaiting_nominator", entity: "ICDE" }),
  ...rep(2, { state: "returned", entity: "ICDE" }),
  ...rep(2, { state: "declined", entity: "ICDE" }),
  ...rep(2, { state: "withdrawn", entity: "ICDE" }),

  ...rep(19, { state: "draft", entity: null }),
];

const NOMINATED_OR_LATER: readonly AppState[] = ["nominated", "eligible", "ineligible", "laureate", "not_selected"];

// ---------------------------------------------------------------------------------------
// Text

const TITLES: Record<Lang, readonly string[]> = {
  en: [
    "Solar Classrooms: off-grid digital learning hubs for rural schools",
    "Carbon Literacy Online for secondary teachers",
    "GreenSchool Connect: a national platform for school sustainability projects",
    "Climate Stories: mobile storytelling for primary learners",
    "EcoRadio Lessons for pastoralist communities",
    "Open Climate Atlas for classrooms",
    "Seeds of Code: programming through school garden sensors",
    "Virtual Field Trips to endangered ecosystems",
    "Teachers for Tomorrow: a blended course on climate pedagogy",
    "The Water Detectives: citizen-science data for schools",
    "Low-bandwidth MOOCs on renewable energy for TVET students",
    "EcoMath: learning statistics with local climate data",
    "Mangrove Watch: drones and tablets for coastal school clubs",
    "Reuse, Repair, Learn: refurbished laptops and e-waste education",
    "Green Skills Passport for young people",
    "Climate Action Learning Lab on messaging apps",
    "Digital Eco-Schools Network",
    "Weather Stations in Every School",
    "SunPower Kits: hands-on renewable energy with online tutorials",
    "Greening the Curriculum: an open-textbook initiative",
    "Biodiversity Quest: a game-based learning app",
    "Farm to Tablet: digital agroecology lessons for rural youth",
    "Rivers of Data: sensor networks for river-basin education",
    "Zero-Waste Campus Online",
    "Net-Zero Schools Dashboard",
    "Climate Resilience Radio School",
    "OpenForest: virtual reality lessons on forest ecosystems",
    "Youth Climate Reporters: digital journalism for sustainability",
    "Eco-Literacy for Early Childhood on Tablets",
    "Green Coding Bootcamp for Girls",
    "Island Voices: climate education for small island communities",
    "Smart Irrigation Classroom for agricultural schools",
    "Air Quality Explorers: low-cost sensors in urban schools",
    "Sustainable Cities Simulator for secondary students",
    "The Climate Teacher Academy",
    "Plastic-Free Oceans: an interactive curriculum",
    "Desert Bloom: digital lessons on dryland restoration",
    "Energy Detectives: students audit their school’s energy use",
    "Indigenous Knowledge and Climate: a digital archive for schools",
    "Green TVET Online: e-learning for solar technicians",
    "Flood-Ready Schools: an offline learning continuity toolkit",
    "ClimateMOOC for teacher trainees",
    "EcoBadges: micro-credentials for sustainability competences",
    "Counting Trees with AI: a classroom citizen-science project",
    "Clean Cooking Science: mobile lessons for rural households",
    "Green Libraries Digital Corner",
    "Mountain Schools Climate Network",
    "Carbon Footprint Calculator for Schools",
    "Sign Language Climate Lessons for deaf learners",
    "Audio-described Nature: accessible environmental education",
    "Low-carbon EdTech: guidelines and training for schools",
    "The Green Teacher Podcast",
    "Heatwave Learning: adapting school calendars with data",
    "Ocean Literacy Portal",
    "Peer-to-Peer Climate Tutoring Network",
    "Sustainable Fashion Design Online for vocational students",
    "Community Solar Learning Centres",
    "Wildlife Monitoring with Camera Traps in Schools",
    "SDG 13 Open Course for Universities",
    "Green Entrepreneurship Online for Young Women",
    "Soil Health Lab on Smartphones",
    "Climate Change in Local Languages: a video library",
    "Digital Herbarium for Schools",
    "Eco-Innovation Challenge Platform",
    "Urban Heat Mapping by Students",
    "Rainwater Harvesting Through Augmented Reality",
    "Green Data Science for High Schools",
    "Cycle to School: mobility data in the classroom",
    "Coral Reef Classroom Live",
    "Solar Cookers and Science Videos for Girls’ Clubs",
    "Climate Justice Debates Online",
    "Seed Bank Schools: digital cataloguing of local crops",
    "Wetlands Explorers: a mobile field guide for learners",
    "Open Energy Lab for Rural Colleges",
    "The Green Homework Hotline",
    "Bee Counting Classrooms",
    "Youth Carbon Budget Simulator",
    "Sustainable Tourism e-Learning for Coastal Youth",
    "Glacier Watch: remote sensing for mountain schools",
    "Repair Café Academy Online",
  ],
  fr: [
    "Classes solaires : des centres d’apprentissage numérique hors réseau",
    "École verte connectée : une plateforme pour les projets durables des écoles",
    "Radio Climat : des leçons audio pour les zones rurales",
    "Les Sentinelles du littoral : tablettes et données côtières",
    "Éco-délégués numériques",
    "Le climat en langues nationales : une vidéothèque éducative",
    "Jardins connectés : programmer avec des capteurs",
    "Parcours de formation des enseignants à l’éducation au climat",
    "Mathématiques vertes : la statistique par les données climatiques",
    "Atlas numérique de la biodiversité scolaire",
    "Réparer pour apprendre : ordinateurs reconditionnés et déchets électroniques",
    "Énergie solaire au lycée professionnel : une formation en ligne",
    "Sahel vert : apprendre en ligne la restauration des terres",
    "Le Labo Climat : sciences participatives à l’école",
    "Océan et savoirs : un portail d’éducation à l’océan",
    "Compétences vertes pour les jeunes : un passeport numérique",
    "Forêts virtuelles : réalité virtuelle et écosystèmes forestiers",
    "La classe dehors, version numérique",
    "Agroécologie sur mobile pour les jeunes ruraux",
    "Écoles résilientes aux inondations : continuité pédagogique hors ligne",
    "Bibliothèques vertes numériques",
    "Le podcast des enseignants pour la planète",
    "Météo à l’école : stations connectées et données ouvertes",
    "Zéro déchet au campus : un MOOC interuniversitaire",
    "Cartographie citoyenne des îlots de chaleur",
    "Énergies renouvelables en classe : des kits et des tutoriels",
  ],
};

interface OrgTemplate {
  type: { en: string; fr: string };
  en: (c: Country, city: string) => string;
  fr: (c: Country, city: string) => string;
}

const ORG_TEMPLATES: readonly OrgTemplate[] = [
  { type: { en: "national NGO", fr: "ONG nationale" }, en: (_c, city) => `${city} Green Schools Network`, fr: (_c, city) => `Réseau des écoles vertes de ${city}` },
  { type: { en: "national NGO", fr: "ONG nationale" }, en: (c) => `${c.en} Open Learning Foundation`, fr: (c) => `Fondation pour l’apprentissage ouvert (${c.fr})` },
  { type: { en: "other national institution", fr: "autre institution nationale" }, en: (_c, city) => `Institute for Climate Education, ${city}`, fr: (_c, city) => `Institut d’éducation au climat de ${city}` },
  { type: { en: "other", fr: "autre" }, en: (_c, city) => `${city} Teachers’ Digital Cooperative`, fr: (_c, city) => `Coopérative numérique des enseignants de ${city}` },
  { type: { en: "other national institution", fr: "autre institution nationale" }, en: (_c, city) => `${city} College of Education`, fr: (_c, city) => `École normale supérieure de ${city}` },
  { type: { en: "national government", fr: "gouvernement national" }, en: (c) => `Ministry of Education, ${c.en}`, fr: (c) => `Ministère de l’Éducation nationale (${c.fr})` },
  { type: { en: "national NGO", fr: "ONG nationale" }, en: (c) => `${c.en} Youth Climate Alliance`, fr: (c) => `Alliance des jeunes pour le climat (${c.fr})` },
  { type: { en: "international NGO", fr: "ONG internationale" }, en: (_c, city) => `EcoTech Learning Trust, ${city} office`, fr: (_c, city) => `EcoTech Apprentissage, bureau de ${city}` },
];

const SECTION_TEXT: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    objectives: [
      "Give every learner in the participating schools the knowledge and skills to understand climate change and act on it locally.",
      "Train teachers to integrate climate and sustainability topics into every subject using open digital resources.",
      "Connect schools with local environmental data so that learners investigate real problems in their community.",
      "Reduce the environmental footprint of schools while teaching learners how energy, water and waste systems work.",
    ],
    technology: [
      "An offline-first web application that synchronises when a connection is available; runs on low-cost Android tablets charged by solar panels.",
      "Short lessons delivered by SMS, interactive voice response and community radio, so that no smartphone or data plan is needed.",
      "Low-cost open-hardware sensors (temperature, air quality, soil moisture) feeding an open data platform used in class.",
      "A learning management system on refurbished laptops with a local server, hosting open educational resources under CC BY.",
    ],
    pedagogy: [
      "Project-based learning: learners formulate a question about their environment, collect data, and present solutions to the community.",
      "Teacher communities of practice meet online every month to co-design lessons and share classroom evidence.",
      "Game-based missions in which learners take the roles of farmers, engineers and mayors facing climate trade-offs.",
      "Flipped classroom: learners watch short videos at home or at a community hub, and class time is spent on experiments and debate.",
    ],
    inclusion: [
      "Content in three local languages; half of the participating schools are rural and more than half of the learners are girls.",
      "Materials meet accessibility standards (captions, screen readers, sign-language videos) and were tested with learners with disabilities.",
      "Works without internet and on basic phones, reaching displaced learners and remote communities.",
      "Free for all users; community hubs lend devices to learners who have none at home.",
    ],
    impact: [
      "An external evaluation found a significant gain in climate knowledge compared with schools not yet in the programme.",
      "Participating schools cut their electricity use and now run their own waste-sorting schemes led by learners.",
      "Teachers report more confidence in teaching climate topics; survey results are in the attached evaluation report.",
      "Learners’ projects have been adopted by local councils, including tree-planting and water-harvesting plans.",
    ],
    replicability: [
      "All resources are openly licensed and translated; two neighbouring regions have already adapted the programme.",
      "The Ministry of Education plans to integrate the teacher course into national in-service training.",
      "The platform is open source and documented, so other organisations can deploy it with modest technical support.",
      "A train-the-trainer model lets each cohort of teachers train the next one.",
    ],
    sustainability: [
      "Funded by the national education budget since 2022, with in-kind support from local partners.",
      "A mix of public funding and foundation grants secures the programme until 2026; devices are repaired locally.",
      "Run by volunteer teachers and a small core team; hosting costs are low thanks to the offline-first design.",
      "Embedded in the school improvement plans of the participating districts.",
    ],
  },
  fr: {
    objectives: [
      "Donner à chaque apprenant des écoles participantes les connaissances et compétences pour comprendre le changement climatique et agir localement.",
      "Former les enseignants à intégrer le climat et la durabilité dans toutes les disciplines grâce à des ressources numériques ouvertes.",
      "Relier les écoles aux données environnementales locales pour que les élèves enquêtent sur des problèmes réels de leur territoire.",
      "Réduire l’empreinte environnementale des écoles tout en enseignant le fonctionnement des systèmes d’énergie, d’eau et de déchets.",
    ],
    technology: [
      "Une application web conçue pour fonctionner hors ligne, synchronisée dès qu’une connexion est disponible, sur des tablettes à bas coût rechargées par panneaux solaires.",
      "Des leçons courtes diffusées par SMS, serveur vocal interactif et radio communautaire : ni smartphone ni forfait de données nécessaires.",
      "Des capteurs libres à bas coût (température, qualité de l’air, humidité du sol) alimentant une plateforme de données ouvertes utilisée en classe.",
      "Une plateforme d’apprentissage sur ordinateurs reconditionnés avec un serveur local, hébergeant des ressources éducatives libres sous CC BY.",
    ],
    pedagogy: [
      "Pédagogie de projet : les élèves formulent une question sur leur environnement, recueillent des données et présentent des solutions à la communauté.",
      "Des communautés de pratique d’enseignants se réunissent en ligne chaque mois pour concevoir ensemble des séquences.",
      "Des missions ludiques où les élèves jouent agriculteurs, ingénieurs et maires face aux arbitrages climatiques.",
      "Classe inversée : de courtes vidéos à la maison ou au centre communautaire, et le temps de classe consacré aux expériences et au débat.",
    ],
    inclusion: [
      "Contenus dans trois langues nationales ; la moitié des écoles participantes sont rurales et plus de la moitié des apprenants sont des filles.",
      "Ressources conformes aux normes d’accessibilité (sous-titres, lecteurs d’écran, vidéos en langue des signes), testées avec des élèves handicapés.",
      "Fonctionne sans internet et sur des téléphones simples, pour atteindre les apprenants déplacés et les communautés isolées.",
      "Gratuit pour tous ; des centres communautaires prêtent des équipements aux élèves qui n’en ont pas.",
    ],
    impact: [
      "Une évaluation externe constate un gain significatif de connaissances sur le climat par rapport aux écoles qui n’ont pas encore rejoint le programme.",
      "Les écoles participantes ont réduit leur consommation d’électricité et gèrent désormais leur propre tri des déchets, animé par les élèves.",
      "Les enseignants se disent plus à l’aise pour enseigner le climat ; les résultats de l’enquête figurent dans le rapport d’évaluation joint.",
      "Des projets d’élèves ont été repris par les communes, notamment des plans de plantation d’arbres et de récupération de l’eau de pluie.",
    ],
    replicability: [
      "Toutes les ressources sont sous licence libre et traduites ; deux régions voisines ont déjà adapté le programme.",
      "Le ministère prévoit d’intégrer le parcours enseignant à la formation continue nationale.",
      "La plateforme est libre et documentée : d’autres organisations peuvent la déployer avec un appui technique modeste.",
      "Un modèle de formation de formateurs permet à chaque promotion d’enseignants de former la suivante.",
    ],
    sustainability: [
      "Financé par le budget national de l’éducation depuis 2022, avec l’appui en nature de partenaires locaux.",
      "Un mélange de fonds publics et de subventions de fondations assure le programme jusqu’en 2026 ; les équipements sont réparés localement.",
      "Porté par des enseignants bénévoles et une petite équipe ; l’hébergement coûte peu grâce à la conception hors ligne.",
      "Inscrit dans les projets d’établissement des circonscriptions participantes.",
    ],
  },
};

const SECTION_KEYS = [
  "background",
  "contact",
  "organisation",
  "objectives",
  "technology",
  "pedagogy",
  "inclusion",
  "impact",
  "replicability",
  "sustainability",
  "links",
] as const;

const SCOPES: Record<Lang, readonly string[]> = {
  en: ["country", "region", "province", "district", "community", "school"],
  fr: ["pays", "région", "province", "district", "communauté", "école"],
};

const NOMINATOR_COMMENTS: Record<"returned" | "declined" | "nominated", Record<Lang, readonly string[]>> = {
  returned: {
    en: [
      "Please add evidence that the project has been running for at least one year (for example your 2022 activity report) and send it back before our national deadline.",
      "The impact section needs figures: how many learners and teachers, and how was the change measured?",
      "Please attach the signed declaration that the project receives no UNESCO funding.",
    ],
    fr: [
      "Merci d’ajouter la preuve que le projet existe depuis au moins un an (par exemple le rapport d’activité 2022) et de nous renvoyer le dossier avant notre date limite nationale.",
      "La partie impact doit être chiffrée : combien d’apprenants et d’enseignants, et comment le changement a-t-il été mesuré ?",
    ],
  },
  declined: {
    en: [
      "Our selection committee has chosen three other candidatures for this edition.",
      "The project is valuable, but its link to greening education is too indirect for this year’s theme.",
      "Most features require a paid subscription; the call excludes freemium products.",
    ],
    fr: [
      "Notre comité de sélection a retenu trois autres candidatures pour cette édition.",
      "Le projet est intéressant, mais son lien avec le verdissement de l’éducation est trop indirect pour le thème de cette année.",
    ],
  },
  nominated: {
    en: [
      "Selected by our national committee among the candidatures received.",
      "A strong, well-evaluated project that fits the theme closely.",
    ],
    fr: [
      "Retenu par notre comité national parmi les candidatures reçues.",
      "Un projet solide, bien évalué et en prise directe avec le thème.",
    ],
  },
};

const PASS_EVIDENCE: Record<string, readonly string[]> = {
  theme_relevance: [
    "Climate and sustainability learning is the core of the project.",
    "Digital resources on energy and biodiversity used in class; clearly on theme.",
  ],
  one_year: [
    "Activity reports for 2021 and 2022 attached.",
    "Running since 2020 according to the nomination letter and the annual report.",
  ],
  no_unesco_funding: [
    "Signed declaration attached; budget lists national and private funding only.",
    "Declaration signed by the director; no UNESCO funding in the budget annex.",
  ],
  free_of_charge: [
    "Open access, no registration fee; resources under CC BY.",
    "Free for schools and learners; no paid tier.",
  ],
};

const FAIL_EVIDENCE: Record<string, string> = {
  no_unesco_funding: "The budget annex lists a 2022 grant from UNESCO’s Participation Programme for the pilot phase.",
  one_year: "The project started in September 2023, less than one year before the deadline of 5 February 2024.",
  free_of_charge: "Most of the platform’s features require a paid school licence; only a limited free tier is available (freemium).",
};

const REVIEW_COMMENTS: Record<string, { high: string; mid: string; low: string }> = {
  appropriateness: {
    high: "Frugal technology that fits the connectivity and energy constraints well.",
    mid: "Reasonable choice of tools, but device costs are not discussed.",
    low: "The technology seems chosen for itself rather than for the learners’ context.",
  },
  pedagogy: {
    high: "Genuinely active, inquiry-based learning; learners produce real outputs.",
    mid: "Some active learning, though much of it is still content delivery.",
    low: "Mostly digitised lectures; little pedagogical innovation.",
  },
  inclusion: {
    high: "Deliberately designed for rural learners, girls and learners with disabilities.",
    mid: "Inclusion is mentioned, with few concrete measures.",
    low: "Reaches mainly well-equipped urban schools.",
  },
  impact: {
    high: "Convincing external evaluation with measured learning outcomes.",
    mid: "Usage figures are good; outcome evidence is thin.",
    low: "No evidence beyond anecdotes.",
  },
  replicability: {
    high: "Open licences and a documented model; already adapted elsewhere.",
    mid: "Could be replicated, but depends heavily on one funder.",
    low: "Hard to see how this would work outside its current setting.",
  },
};

const OVERALL_COMMENTS = {
  high: [
    "A strong candidature that fits the theme very well; I would support it for the shortlist.",
    "Impressive scale and rigour; one of the best in my batch.",
  ],
  mid: [
    "A solid project with a clear theme fit, but the evidence of impact needs strengthening.",
    "Promising, though still close to a pilot; worth watching for a future edition.",
  ],
  low: [
    "Relevant intentions, but the application does not show what learners gained.",
    "The link to greening education is weak and the approach is conventional.",
  ],
};

// ---------------------------------------------------------------------------------------
// Helpers

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const band = (score: number): "high" | "mid" | "low" => (score >= 7 ? "high" : score >= 4 ? "mid" : "low");

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

interface AppDraft {
  id: string;
  reference: string;
  plan: Plan;
  country: Country;
  language: Lang;
  title: string;
  organisation: string;
  applicantId: string;
  applicantName: string;
  applicantEmail: string;
  entityId: string | null;
  nominatorId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  nominatedAt: Date | null;
  content: ApplicationContent;
}

const ORGANISATION_TYPE_OF: Record<string, (typeof ORGANISATION_TYPES)[number]> = {
  "national NGO": "national_ngo",
  "international NGO": "international_ngo",
  "national government": "national_government",
  "other national institution": "national_institution",
  other: "other",
};

/**
 * The application's content as the application form stores it: each section's fields, and the
 * sections marked completed (the first `filledSections`; the others are left empty).
 */
function buildContent(
  rng: Rng,
  lang: Lang,
  args: { title: string; organisation: string; orgType: OrgTemplate["type"]; country: Country; city: string; person: string; email: string },
  filledSections: number,
): ApplicationContent {
  const { title, organisation, orgType, country: c, city, person, email } = args;
  const startYear = rng.int(2016, 2022);
  const month = rng.int(1, 12);
  const scope = rng.pick(SCOPES[lang]);
  const learners = rng.int(8, 1200) * 100;
  const teachers = rng.int(2, 300) * 10;
  const schools = rng.int(5, 600);
  const pick = (key: string) => rng.pick(SECTION_TEXT[lang][key]);
  const en = lang === "en";
  const site = `https://example.org/${slug(title)}`;
  const all: Record<SectionKey, Record<string, string>> = {
    background: {
      title,
      organisation,
      country: c.code,
      startMonth: `${startYear}-${String(month).padStart(2, "0")}`,
      endMonth: "",
      organisationType: ORGANISATION_TYPE_OF[orgType.en] ?? "other",
      operatingIn: scope,
      partners: en ? `Local education authorities and ${schools} partner schools.` : `Autorités éducatives locales et ${schools} écoles partenaires.`,
    },
    contact: {
      contactName: person,
      jobTitle: en ? "Project coordinator" : "Responsable du projet",
      address: `${organisation}, ${city}, ${en ? c.en : c.fr}`,
      contactCountry: c.code,
      phone: `+${rng.int(20, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(100, 999)}`,
      website: site,
      contactEmail: email,
    },
    organisation: {
      organisationDescription: en
        ? `${organisation} is a ${orgType.en} based in ${city} that works with schools and communities on digital and climate education.`
        : `${organisation} (${orgType.fr}) travaille depuis ${city} avec les écoles et les communautés sur l’éducation numérique et climatique.`,
    },
    objectives: {
      objectives: pick("objectives"),
      targetGroups: en ? `Learners, their teachers and families in ${schools} schools.` : `Les apprenants, leurs enseignants et leurs familles dans ${schools} écoles.`,
    },
    technology: { technology: pick("technology") },
    pedagogy: { pedagogy: pick("pedagogy") },
    inclusion: { inclusion: pick("inclusion") },
    impact: {
      impact: en
        ? `${pick("impact")} So far the project has reached about ${learners.toLocaleString("en-GB")} learners and ${teachers.toLocaleString("en-GB")} teachers in ${schools} schools.`
        : `${pick("impact")} À ce jour, le projet a touché environ ${learners.toLocaleString("fr-FR")} apprenants et ${teachers.toLocaleString("fr-FR")} enseignants dans ${schools} écoles.`,
    },
    replicability: { replicability: pick("replicability") },
    sustainability: { sustainability: pick("sustainability") },
    links: { videoLinks: "", otherLinks: site },
  };
  const completed = SECTION_KEYS.slice(0, filledSections);
  return { sections: Object.fromEntries(completed.map((key) => [key, all[key]])), completed: [...completed] };
}

// ---------------------------------------------------------------------------------------
// The build

export interface DemoResult {
  logins: { role: string; email: string }[];
  counts: Record<string, number>;
}

/** Deletes `path` (and its -wal/-shm) and writes the demo database there. */
export async function buildDemo(path: string): Promise<DemoResult> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  // One argon2 hash for every demo user keeps the build fast; done before the transaction,
  // which must stay synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const database = openDatabase(path);
  try {
    const logins = populate(database, passwordHash);
    const counts = countRows(database);
    return { logins, counts };
  } finally {
    database.$client.close();
  }
}

function populate(database: DB, passwordHash: string): DemoResult["logins"] {
  const rng = new Rng(DEMO_SEED);
  const audits: AuditEntry[] = [];

  const logins = database.transaction((tx) => {
    // --- users -------------------------------------------------------------------------
    const userRows: (typeof users.$inferInsert)[] = [];
    const addUser = (name: string, email: string, locale: "en" | "fr" | "ar", createdAt: Date): string => {
      const id = crypto.randomUUID();
      userRows.push({ id, name, email, locale, passwordHash, createdAt });
      return id;
    };

    const secretariatId = addUser(SECRETARIAT.name, SECRETARIAT.email, "en", utc("2023-11-01T09:00:00Z"));

    // --- edition, criteria, rules ------------------------------------------------------
    const editionId = crypto.randomUUID();
    const edition = {
      id: editionId,
      year: 2023,
      themeEn: THEME.en,
      themeFr: THEME.fr,
      themeAr: THEME.ar,
      callTextEn: CALL_TEXT_EN,
      callTextFr: CALL_TEXT_FR,
      phase: "scoring",
      callOpensAt: CALL_OPENS,
      deadlineAt: DEADLINE,
      scoringOpensAt: SCORING_OPENS,
      scoringClosesAt: SCORING_CLOSES,
      announcementAt: ANNOUNCEMENT,
      laureateCount: 2,
      quotaPerEntity: 3,
      reviewersPerApplication: 3,
      scaleMin: 1,
      scaleMax: 10,
      method: "jurorBias",
      hideScoresUntilSubmitted: true,
      wordLimits: { organisation: 300, objectives: 400, technology: 500, pedagogy: 500, inclusion: 400, impact: 500, replicability: 400, sustainability: 300 },
      // The official aggregation method is locked when scoring opens.
      lockedAt: SCORING_OPENS,
      createdAt: EDITION_CREATED,
      updatedAt: SCORING_OPENS,
    } satisfies typeof editions.$inferInsert;
    audits.push({ actorId: secretariatId, action: "edition.created", objectType: "edition", objectId: editionId, details: { year: 2023 }, at: EDITION_CREATED });
    const phases: [string, string, Date][] = [
      ["draft", "call_open", CALL_OPENS],
      ["call_open", "screening", SCREENING_STARTS],
      ["screening", "scoring", SCORING_OPENS],
    ];
    for (const [from, to, at] of phases) {
      audits.push({ actorId: secretariatId, action: "edition.phase_changed", objectType: "edition", objectId: editionId, details: { from, to }, at });
    }

    const criterionRows = DEMO_CRITERIA.map((c, position) => ({
      editionId,
      key: c.key,
      titleEn: c.title.en,
      titleFr: c.title.fr,
      titleAr: c.title.ar,
      guidanceEn: c.guidance.en,
      guidanceFr: c.guidance.fr,
      weight: 1,
      position,
      levelDescriptors: c.levels,
    }));
    const ruleRows = DEMO_RULES.map((r, position) => ({ editionId, key: r.key, textEn: r.en, textFr: r.fr, textAr: r.ar, position }));

    // --- entities and nominators -------------------------------------------------------
    const entityIds = new Map<EntityKey, string>();
    const nominatorIds = new Map<EntityKey, string>();
    const entityRows = ENTITIES.map((e) => {
      const id = crypto.randomUUID();
      entityIds.set(e.key, id);
      nominatorIds.set(e.key, addUser(e.nominator.name, e.nominator.email, e.lang, utc("2023-11-20T09:00:00Z")));
      return { id, kind: e.kind, name: e.name, country: e.country, createdAt: utc("2023-11-20T09:00:00Z") };
    });
    const memberRows = ENTITIES.map((e) => ({ entityId: entityIds.get(e.key)!, userId: nominatorIds.get(e.key)!, createdAt: utc("2023-11-20T09:00:00Z") }));

    // --- jury ----------------------------------------------------------------------------
    const jurorRows = JURORS.map((j) => ({
      id: crypto.randomUUID(),
      editionId,
      userId: addUser(j.name, j.email, j.locale, JURY_APPOINTED),
      isChair: j.isChair,
      country: j.country,
      languages: j.languages,
      expertise: j.expertise,
      conflictsDeclaredAt: j.conflictsDeclaredAt,
      createdAt: JURY_APPOINTED,
    }));

    // --- applications ----------------------------------------------------------------------
    const plan = rng.shuffle(PLAN);
    const fixedCountries = new Set(plan.flatMap((p) => (p.country ? [p.country] : [])));
    const entityCountry = (key: EntityKey) => ENTITIES.find((e) => e.key === key)!;
    const others = COUNTRIES.filter((c) => !ENTITIES.some((e) => e.kind === "national_commission" && e.country === c.code));
    // Every other country once (those not already fixed by the plan first), then a second round.
    const countryQueue = [
      ...rng.shuffle(others.filter((c) => !fixedCountries.has(c.code))),
      ...rng.shuffle(others),
    ];
    const titleQueues: Record<Lang, string[]> = { en: rng.shuffle(TITLES.en), fr: rng.shuffle(TITLES.fr) };
    const usedEmails = new Set(userRows.map((u) => u.email));

    const apps: AppDraft[] = plan.map((p, index) => {
      let c: Country;
      if (p.country) c = country(p.country);
      else if (p.entity && entityCountry(p.entity).kind === "national_commission") c = country(entityCountry(p.entity).country);
      else {
        const next = countryQueue.shift();
        if (!next) throw new Error("demo: ran out of countries");
        c = next;
      }
      let language: Lang = p.language ?? (rng.float() < c.frShare ? "fr" : "en");
      if (titleQueues[language].length === 0) language = language === "en" ? "fr" : "en";
      const title = titleQueues[language].shift();
      if (!title) throw new Error("demo: ran out of titles");

      const city = rng.pick(c.cities);
      const template = rng.pick(ORG_TEMPLATES);
      const organisation = template[language](c, city);
      const first = rng.pick(c.first);
      const last = rng.pick(c.last);
      const person = `${first} ${last}`;
      const domain = p.sharesOrganisationWith ? JURORS.find((j) => j.name === p.sharesOrganisationWith)!.email.split("@")[1] : DOMAIN;
      let email = `${slug(first)}.${slug(last)}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
      usedEmails.add(email);

      // Created between 1 December 2023 and mid-January 2024, in reference order.
      const createdAt = plus(CALL_OPENS, index * 14 * HOUR + rng.int(0, 10) * HOUR);
      const applicantId = addUser(person, email, language, plus(createdAt, -rng.int(1, 30) * 60_000));
      const sent = p.state !== "draft";
      const sentAt = sent ? minDate(plus(createdAt, rng.int(3, 12) * DAY + rng.int(0, 23) * HOUR), LAST_ACTIVITY_BEFORE_DEADLINE) : null;
      const nominated = NOMINATED_OR_LATER.includes(p.state);
      const nominatedAt = nominated && sentAt ? minDate(plus(sentAt, rng.int(1, 6) * DAY + rng.int(0, 8) * HOUR), LAST_ACTIVITY_BEFORE_DEADLINE) : null;
      const lastTouch =
        nominatedAt ??
        (sentAt && p.state !== "awaiting_nominator" ? minDate(plus(sentAt, rng.int(1, 8) * DAY), LAST_ACTIVITY_BEFORE_DEADLINE) : sentAt) ??
        plus(createdAt, rng.int(0, 9) * DAY + rng.int(1, 20) * HOUR);
      const filled = p.state === "draft" ? rng.int(2, SECTION_KEYS.length) : SECTION_KEYS.length;
      const content = buildContent(rng, language, { title, organisation, orgType: template.type, country: c, city, person, email }, filled);
      return {
        id: crypto.randomUUID(),
        reference: `KH-2023-${String(index + 1).padStart(4, "0")}`,
        plan: p,
        country: c,
        language,
        title,
        organisation,
        applicantId,
        applicantName: person,
        applicantEmail: email,
        entityId: p.entity ? entityIds.get(p.entity)! : null,
        nominatorId: p.entity ? nominatorIds.get(p.entity)! : null,
        createdAt,
        updatedAt: lastTouch,
        sentAt,
        nominatedAt,
        content,
      };
    });

    const applicationRows = apps.map((a) => {
      const entity = a.plan.entity ? entityCountry(a.plan.entity) : null;
      const commentKind = a.plan.state === "returned" || a.plan.state === "declined" ? a.plan.state : a.nominatedAt ? "nominated" : null;
      return {
        id: a.id,
        reference: a.reference,
        editionId,
        applicantId: a.applicantId,
        entityId: a.entityId,
        state: a.plan.state,
        language: a.language,
        title: a.title,
        organisation: a.organisation,
        country: a.country.code,
        contactEmail: a.applicantEmail,
        // Stored as the application form stores it (see saveSection).
        content: a.content as unknown as Record<string, unknown>,
        declarations: Object.fromEntries(DEMO_RULES.map((r) => [r.key, true])),
        nominatedContent: a.nominatedAt ? (a.content as unknown as Record<string, unknown>) : null,
        nominatorComment: commentKind && entity ? rng.pick(NOMINATOR_COMMENTS[commentKind][entity.lang]) : null,
        feedbackShared: false,
        version: a.plan.state === "draft" ? rng.int(1, 6) : rng.int(3, 9),
        sentAt: a.sentAt,
        nominatedAt: a.nominatedAt,
        nominatedBy: a.nominatedAt ? a.nominatorId : null,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      } satisfies typeof applications.$inferInsert;
    });
    for (const a of apps) {
      if (a.nominatedAt) {
        audits.push({
          actorId: a.nominatorId,
          action: "application.nominated",
          objectType: "application",
          objectId: a.id,
          details: { reference: a.reference, entityId: a.entityId },
          at: a.nominatedAt,
        });
      }
    }

    // --- screening ---------------------------------------------------------------------
    const screeningRows: (typeof screeningDecisions.$inferInsert)[] = [];
    const screened = apps.filter((a) => a.plan.state === "eligible" || a.plan.state === "ineligible");
    screened
      .sort((x, y) => x.reference.localeCompare(y.reference))
      .forEach((a, i) => {
        const decidedAt = plus(SCREENING_STARTS, Math.floor(i / 3) * DAY + (i % 3) * 2 * HOUR + HOUR);
        for (const rule of DEMO_RULES) {
          const fails = a.plan.fails === rule.key;
          screeningRows.push({
            applicationId: a.id,
            ruleKey: rule.key,
            outcome: fails ? "fail" : "pass",
            evidence: fails ? FAIL_EVIDENCE[rule.key] : rng.pick(PASS_EVIDENCE[rule.key]),
            decidedBy: secretariatId,
            decidedAt,
          });
        }
        audits.push({
          actorId: secretariatId,
          action: "application.screened",
          objectType: "application",
          objectId: a.id,
          details: { reference: a.reference, outcome: a.plan.state },
          at: plus(decidedAt, 5 * 60_000),
        });
      });

    // --- conflicts -----------------------------------------------------------------------
    const conflictRows: (typeof conflicts.$inferInsert)[] = [];
    const inConflict = new Set<string>();
    const nominatedApps = apps.filter((a) => a.nominatedAt).sort((x, y) => x.reference.localeCompare(y.reference));
    // Detection was run once screening began and the secretariat confirmed what it found on
    // the projects' countries; what it found on the nominating entities' countries (a juror
    // from the country of the commission that nominated a foreign project) is still a
    // proposal, as a secretariat would leave it before looking closer. Running detection on
    // the demo therefore finds nothing new.
    const CONFIRMED_AT = plus(SCREENING_STARTS, 2 * 60 * 60_000);
    for (const a of nominatedApps) {
      const entityCountry = ENTITIES.find((e) => e.key === a.plan.entity)?.country ?? null;
      for (const j of jurorRows) {
        if (j.country === a.country.code) {
          conflictRows.push({
            editionId,
            jurorId: j.id,
            applicationId: a.id,
            source: "same_country",
            reason: j.country,
            createdBy: secretariatId,
            createdAt: SCREENING_STARTS,
            status: "confirmed",
            confirmedBy: secretariatId,
            confirmedAt: CONFIRMED_AT,
          });
          inConflict.add(`${j.id}:${a.id}`);
        } else if (a.plan.state === "eligible") {
          const domain = organisationDomain(JURORS[jurorRows.indexOf(j)].email);
          const found: ["same_country" | "same_organisation", string] | null = j.country === entityCountry ? ["same_country", j.country] : domain && domain === organisationDomain(a.applicantEmail) ? ["same_organisation", domain] : null;
          if (found) conflictRows.push({ editionId, jurorId: j.id, applicationId: a.id, source: found[0], reason: found[1], createdBy: secretariatId, createdAt: SCREENING_STARTS, status: "proposed" });
        }
      }
    }
    for (const c of conflictRows) {
      c.id = crypto.randomUUID();
      const details = { editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source, reason: c.reason };
      audits.push({ actorId: secretariatId, action: "conflict.proposed", objectType: "conflict", objectId: c.id, details: { ...details, status: "proposed" }, at: SCREENING_STARTS });
      if (c.status === "confirmed") audits.push({ actorId: secretariatId, action: "conflict.confirmed", objectType: "conflict", objectId: c.id, details, at: CONFIRMED_AT });
    }
    const declaring = JURORS.findIndex((j) => j.name === "Sofía Ramírez Castillo");
    for (const a of nominatedApps.filter((x) => x.plan.declaredConflict)) {
      const j = jurorRows[declaring];
      conflictRows.push({
        editionId,
        jurorId: j.id,
        applicationId: a.id,
        source: "declared",
        reason: "I advised the project team on the design of its impact evaluation in 2022.",
        createdBy: j.userId,
        createdAt: JURORS[declaring].conflictsDeclaredAt,
      });
      inConflict.add(`${j.id}:${a.id}`);
      audits.push({
        actorId: j.userId,
        action: "conflict.declared",
        objectType: "application",
        objectId: a.id,
        details: { reference: a.reference, jurorId: j.id },
        at: JURORS[declaring].conflictsDeclaredAt,
      });
    }

    // --- assignments: k jurors per eligible application, no conflicts, languages matched,
    //     loads balanced; the most constrained applications are placed first.
    const k = edition.reviewersPerApplication;
    const load = new Map(jurorRows.map((j) => [j.id, 0]));
    const candidatesFor = (a: AppDraft) =>
      jurorRows.filter((j) => !inConflict.has(`${j.id}:${a.id}`) && j.languages.includes(a.language));
    const eligible = apps
      .filter((a) => a.plan.state === "eligible")
      .sort((x, y) => candidatesFor(x).length - candidatesFor(y).length || x.reference.localeCompare(y.reference));
    const assignmentRows: (typeof assignments.$inferInsert & { id: string; jurorId: string; applicationId: string })[] = [];
    for (const a of eligible) {
      const candidates = candidatesFor(a)
        .map((j) => ({ j, tie: rng.float() }))
        .sort((x, y) => load.get(x.j.id)! - load.get(y.j.id)! || x.tie - y.tie)
        .slice(0, k);
      if (candidates.length < k) throw new Error(`demo: only ${candidates.length} jurors can review ${a.reference}`);
      for (const { j } of candidates) {
        load.set(j.id, load.get(j.id)! + 1);
        assignmentRows.push({
          id: crypto.randomUUID(),
          editionId,
          jurorId: j.id,
          applicationId: a.id,
          createdBy: secretariatId,
          createdAt: utc("2024-02-19T15:00:00Z"),
          publishedAt: SCORING_OPENS,
        });
      }
    }
    assignmentRows.sort((x, y) => {
      const ax = apps.find((a) => a.id === x.applicationId)!.reference;
      const ay = apps.find((a) => a.id === y.applicationId)!.reference;
      return ax.localeCompare(ay) || jurorRows.findIndex((j) => j.id === x.jurorId) - jurorRows.findIndex((j) => j.id === y.jurorId);
    });
    audits.push({
      actorId: secretariatId,
      action: "assignments.published",
      objectType: "edition",
      objectId: editionId,
      details: { assignments: assignmentRows.length, reviewersPerApplication: k },
      at: SCORING_OPENS,
    });

    // --- reviews: about half submitted, a fifth in draft, the rest not started ----------
    const quality = new Map(eligible.map((a) => [a.id, 4 + rng.float() * 4.5]));
    const criterionOffset = new Map(eligible.map((a) => [a.id, DEMO_CRITERIA.map(() => (rng.float() - 0.5) * 2)]));
    const order = rng.shuffle(assignmentRows.map((_, i) => i));
    const submittedCount = Math.round(assignmentRows.length * 0.5);
    const draftCount = Math.round(assignmentRows.length * 0.2);
    const stateOf = new Map<number, "submitted" | "draft" | "assigned">();
    order.forEach((i, rank) => stateOf.set(i, rank < submittedCount ? "submitted" : rank < submittedCount + draftCount ? "draft" : "assigned"));

    const reviewRows = assignmentRows.map((as, i) => {
      const state = stateOf.get(i)!;
      const juror = JURORS[jurorRows.findIndex((j) => j.id === as.jurorId)];
      const score = (c: number) =>
        clamp(
          Math.round(quality.get(as.applicationId)! + criterionOffset.get(as.applicationId)![c] + juror.leniency + (rng.float() - 0.5) * 1.6),
          edition.scaleMin,
          edition.scaleMax,
        );
      const base = {
        assignmentId: as.id,
        jurorId: as.jurorId,
        applicationId: as.applicationId,
        state,
        scores: {} as Record<string, number>,
        comments: {} as Record<string, string>,
        overallComment: "",
        confidence: null as number | null,
        version: 1,
        submittedAt: null as Date | null,
        updatedAt: null as Date | null,
      };
      if (state === "assigned") return base;
      const scored = state === "submitted" ? DEMO_CRITERIA.length : rng.int(1, 3);
      DEMO_CRITERIA.slice(0, scored).forEach((c, ci) => {
        const s = score(ci);
        base.scores[c.key] = s;
        if (state === "submitted" || ci === 0) base.comments[c.key] = REVIEW_COMMENTS[c.key][band(s)];
      });
      const updatedAt = plus(SCORING_OPENS, rng.int(1, 20) * DAY + rng.int(0, 10) * HOUR);
      base.updatedAt = updatedAt;
      if (state === "draft") {
        base.version = 2;
        return base;
      }
      const mean = Object.values(base.scores).reduce((sum, s) => sum + s, 0) / DEMO_CRITERIA.length;
      base.overallComment = rng.pick(OVERALL_COMMENTS[band(Math.round(mean))]);
      base.confidence = rng.int(2, 5);
      base.version = 3;
      base.submittedAt = updatedAt;
      return base;
    });

    // --- write everything, then the audit trail in chronological order ------------------
    tx.insert(users).values(userRows).run();
    tx.insert(userRoles)
      .values([
        { userId: secretariatId, role: "secretariat", createdAt: utc("2023-11-01T09:00:00Z") },
        ...apps.map((a) => ({ userId: a.applicantId, role: "applicant", createdAt: a.createdAt })),
      ])
      .run();
    tx.insert(editions).values(edition).run();
    tx.insert(criteria).values(criterionRows).run();
    tx.insert(eligibilityRules).values(ruleRows).run();
    tx.insert(nominatingEntities).values(entityRows).run();
    tx.insert(entityMembers).values(memberRows).run();
    tx.insert(juryMembers).values(jurorRows).run();
    tx.insert(applications).values(applicationRows).run();
    tx.insert(screeningDecisions).values(screeningRows).run();
    tx.insert(conflicts).values(conflictRows).run();
    tx.insert(assignments).values(assignmentRows).run();
    tx.insert(reviews).values(reviewRows).run();
    audits
      .map((entry, i) => ({ entry, i }))
      .sort((x, y) => x.entry.at!.getTime() - y.entry.at!.getTime() || x.i - y.i)
      .forEach(({ entry }) => writeAudit(entry, tx));

    const firstReturned = apps.filter((a) => a.plan.state === "returned").sort((x, y) => x.reference.localeCompare(y.reference))[0];
    return [
      { role: "secretariat", email: SECRETARIAT.email },
      { role: "applicant", email: firstReturned.applicantEmail },
      { role: "nominator", email: ENTITIES[0].nominator.email },
      { role: "juror", email: JURORS.find((j) => !j.isChair && j.name === "Hiroshi Tanaka")!.email },
      { role: "jury chair", email: JURORS.find((j) => j.isChair)!.email },
    ];
  });

  seedPastLaureates(database);
  return logins;
}

function countRows(database: DB): Record<string, number> {
  const count = (query: string) => (database.$client.prepare(query).get() as { n: number }).n;
  return {
    users: count("select count(*) as n from users"),
    applications: count("select count(*) as n from applications"),
    countries: count("select count(distinct country) as n from applications"),
    nominations: count("select count(*) as n from applications where state in ('nominated', 'eligible', 'ineligible')"),
    eligible: count("select count(*) as n from applications where state = 'eligible'"),
    entities: count("select count(*) as n from nominating_entities"),
    jurors: count("select count(*) as n from jury_members"),
    conflicts: count("select count(*) as n from conflicts"),
    assignments: count("select count(*) as n from assignments"),
    reviewsSubmitted: count("select count(*) as n from reviews where state = 'submitted'"),
    reviewsDraft: count("select count(*) as n from reviews where state = 'draft'"),
    reviewsAssigned: count("select count(*) as n from reviews where state = 'assigned'"),
    pastLaureates: count("select count(*) as n from archive_laureates"),
    auditRows: count("select count(*) as n from audit_log"),
  };
}

// ---------------------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const path = resolve(process.env.DEMO_DATABASE_PATH ?? "data/demo.db");
  const started = performance.now();
  const { logins, counts } = await buildDemo(path);
  const ms = Math.round(performance.now() - started);
  const lines = [
    `Demo database written to ${path} in ${ms} ms.`,
    `  Edition 2023 “${THEME.en}”, phase: scoring (scoring stays open until 31 March 2027).`,
    `  ${counts.applications} applications from ${counts.countries} countries; ${counts.nominations} nominations (${counts.eligible} eligible) from ${counts.entities} entities.`,
    `  ${counts.jurors} jurors, ${counts.conflicts} conflicts, ${counts.assignments} assignments: ${counts.reviewsSubmitted} reviews submitted, ${counts.reviewsDraft} in draft, ${counts.reviewsAssigned} not started.`,
    `  ${counts.pastLaureates} past laureates in the archive, ${counts.auditRows} audit rows.`,
    "",
    `Logins (password for all: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.role.padEnd(12)} ${l.email}`),
    "",
    `Open http://localhost:${process.env.PORT ?? 3000} (npm run demo starts the server on this database).`,
  ];
  console.log(lines.join("\n"));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
