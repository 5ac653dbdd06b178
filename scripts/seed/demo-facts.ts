// The demo's fixed facts: its instants, the 2023 edition's texts, the countries, nominating
// entities and jurors, and the plan of which applications exist in which state.
import { DEMO_MAIL_DOMAIN } from "../../app/jury/models/conflict-detection.server";
import { DEFAULT_CRITERIA, DEFAULT_RULES } from "../../app/editions/domain/defaults";
import type { APPLICATION_STATES } from "../../db/enums";

// Applicants, nominators and the secretariat share the placeholder domain, which names no
// organisation (conflict detection ignores it); each juror has an organisation of their own.
export const DOMAIN = DEMO_MAIL_DOMAIN;

export type AppState = (typeof APPLICATION_STATES)[number];
export type Lang = "en" | "fr";

// ---------------------------------------------------------------------------------------
// Fixed instants

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const utc = (iso: string) => new Date(iso);
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

export const EDITION_CREATED = utc("2023-11-15T10:00:00Z");
export const CALL_OPENS = utc("2023-12-01T09:00:00Z");
/** Midnight, Paris time, at the end of 5 February 2024. */
export const DEADLINE = utc("2024-02-05T23:00:00Z");
export const SCREENING_STARTS = utc("2024-02-06T09:00:00Z");
export const JURY_APPOINTED = utc("2024-01-10T10:00:00Z");
export const SCORING_OPENS = utc("2024-02-20T09:00:00Z");
/**
 * Deliberately far in the future: the demo stays in its scoring phase, with scoring open,
 * whenever someone explores it (the real 2023 jury met in March 2024). Midnight Paris time
 * (CEST) at the end of 31 March 2027.
 */
export const SCORING_CLOSES = utc("2027-03-31T22:00:00Z");
export const ANNOUNCEMENT = utc("2027-09-02T08:00:00Z");
export const LAST_ACTIVITY_BEFORE_DEADLINE = utc("2024-02-05T20:00:00Z");

// ---------------------------------------------------------------------------------------
// The 2023 edition

export const THEME = {
  en: "Digital learning for greening education",
  fr: "L’apprentissage numérique pour verdir l’éducation",
  ar: "التعلم الرقمي من أجل تخضير التعليم",
};

export const CALL_TEXT_EN = `UNESCO invites the governments of its Member States, through their National Commissions for UNESCO, and non-governmental organizations in official partnership with UNESCO to nominate projects for the 2023 edition of the UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education.

The 2023 edition rewards innovative projects that use digital technologies to green education: to help learners and teachers acquire the knowledge, skills, values and attitudes needed to address climate change and to promote sustainable development.

Candidates fill in the application form in English or French and ask a nominating entity to nominate them; self-nomination is not accepted. Each nominating entity may nominate up to three candidatures. Nominations must reach UNESCO by 5 February 2024, midnight Paris time.

Two laureates will each receive US$25,000, a medal and a diploma at a ceremony at UNESCO Headquarters in Paris.`;

export const CALL_TEXT_FR = `L’UNESCO invite les gouvernements de ses États membres, par l’intermédiaire de leur commission nationale pour l’UNESCO, ainsi que les organisations non gouvernementales en partenariat officiel avec l’UNESCO, à proposer des projets pour l’édition 2023 du Prix UNESCO-Roi Hamad Bin Isa Al-Khalifa pour l’utilisation des TIC dans l’éducation.

L’édition 2023 récompense des projets innovants qui utilisent les technologies numériques pour verdir l’éducation : aider les apprenants et les enseignants à acquérir les connaissances, les compétences, les valeurs et les attitudes nécessaires pour faire face au changement climatique et promouvoir le développement durable.

Les candidats remplissent le formulaire en anglais ou en français et demandent à une entité de les proposer ; l’auto-candidature n’est pas acceptée. Chaque entité peut proposer jusqu’à trois candidatures. Les candidatures doivent parvenir à l’UNESCO au plus tard le 5 février 2024 à minuit, heure de Paris.

Les deux lauréats recevront chacun 25 000 dollars des États-Unis, une médaille et un diplôme lors d’une cérémonie au Siège de l’UNESCO à Paris.`;

// The 2023 criteria and eligibility rules: the same defaults a new edition starts with.
export const DEMO_CRITERIA = DEFAULT_CRITERIA;
export const DEMO_RULES = DEFAULT_RULES;

// ---------------------------------------------------------------------------------------
// People and places

export interface Country {
  code: string;
  en: string;
  fr: string;
  /** Share of applications written in French. */
  frShare: number;
  cities: string[];
  first: string[];
  last: string[];
}

export const COUNTRIES: readonly Country[] = [
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
export const country = (code: string): Country => {
  const found = COUNTRY.get(code);
  if (!found) throw new Error(`demo: unknown country ${code}`);
  return found;
};

export type EntityKey = "KE" | "FR" | "BR" | "IN" | "EI" | "ICDE";

export interface EntitySeed {
  key: EntityKey;
  kind: "national_commission" | "ngo";
  name: string;
  country: string;
  lang: Lang;
  nominator: { name: string; email: string };
}

export const ENTITIES: readonly EntitySeed[] = [
  { key: "KE", kind: "national_commission", name: "Kenya National Commission for UNESCO", country: "KE", lang: "en", nominator: { name: "Joseph Njoroge", email: `nominator.kenya@${DOMAIN}` } },
  { key: "FR", kind: "national_commission", name: "Commission nationale française pour l’UNESCO", country: "FR", lang: "fr", nominator: { name: "Hélène Garnier", email: `nominator.france@${DOMAIN}` } },
  { key: "BR", kind: "national_commission", name: "Brazilian National Commission for UNESCO", country: "BR", lang: "en", nominator: { name: "Renata Albuquerque", email: `nominator.brazil@${DOMAIN}` } },
  { key: "IN", kind: "national_commission", name: "Indian National Commission for Cooperation with UNESCO", country: "IN", lang: "en", nominator: { name: "Anand Krishnan", email: `nominator.india@${DOMAIN}` } },
  { key: "EI", kind: "ngo", name: "Education International", country: "BE", lang: "en", nominator: { name: "Sophie Vandenberghe", email: `nominator.ei@${DOMAIN}` } },
  { key: "ICDE", kind: "ngo", name: "International Council for Open and Distance Education (ICDE)", country: "NO", lang: "en", nominator: { name: "Ingrid Solberg", email: `nominator.icde@${DOMAIN}` } },
];

export interface JurorSeed {
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

export const JURORS: readonly JurorSeed[] = [
  { name: "Nadia Benali", email: `nadia.benali@ens-rabat.${DOMAIN}`, country: "MA", locale: "fr", languages: ["en", "fr", "ar"], expertise: ["teacher education", "inclusive education", "Arabic-language digital content"], isChair: true, leniency: 0.3, conflictsDeclaredAt: utc("2024-02-15T10:30:00Z") },
  { name: "Élise Marchand", email: `elise.marchand@univ-lyon.${DOMAIN}`, country: "FR", locale: "fr", languages: ["en", "fr"], expertise: ["education for sustainable development", "open educational resources"], isChair: false, leniency: -1.3, conflictsDeclaredAt: utc("2024-02-16T08:10:00Z") },
  { name: "Hiroshi Tanaka", email: `hiroshi.tanaka@learning-lab.${DOMAIN}`, country: "JP", locale: "en", languages: ["en"], expertise: ["learning analytics", "educational technology policy"], isChair: false, leniency: -0.5, conflictsDeclaredAt: utc("2024-02-16T01:45:00Z") },
  { name: "Kwame Mensah", email: `kwame.mensah@edtech-accra.${DOMAIN}`, country: "GH", locale: "en", languages: ["en", "fr"], expertise: ["mobile learning", "low-connectivity solutions", "teacher professional development"], isChair: false, leniency: 1.5, conflictsDeclaredAt: utc("2024-02-17T14:00:00Z") },
  { name: "Sofía Ramírez Castillo", email: `sofia.ramirez@edu-bogota.${DOMAIN}`, country: "CO", locale: "en", languages: ["en", "es", "fr"], expertise: ["climate change education", "evaluation and impact assessment"], isChair: false, leniency: 0.4, conflictsDeclaredAt: utc("2024-02-18T16:20:00Z") },
];

export const SECRETARIAT = { name: "Amina Diallo", email: `secretariat@${DOMAIN}` };

// ---------------------------------------------------------------------------------------
// Application plan: which states, for which entities, in which countries

export interface Plan {
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
export const PLAN: readonly Plan[] = [
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

export const NOMINATED_OR_LATER: readonly AppState[] = ["nominated", "eligible", "ineligible", "laureate", "not_selected"];
