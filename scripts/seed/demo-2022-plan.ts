// The demo's finished 2022 edition: its fixed instants, its theme, and the applications it had.
// Every project, organisation and person here is made up: the edition shows the whole life of an
// edition, not UNESCO's real 2022 laureates (those stay in the archive of past laureates, which
// this edition's own laureates replace for 2022 in the demo).
import { utc } from "./demo-edition";
import type { Lang } from "./demo-countries";
import type { EntityKey } from "./demo-people";

export const YEAR_2022 = 2022;
export const SEED_2022 = 2022;

export const T22 = {
  created: utc("2022-10-03T09:00:00Z"),
  callOpens: utc("2022-10-17T08:00:00Z"),
  /** 23:59, Paris time, on 16 January 2023 (the end of that day as it reads). */
  deadline: utc("2023-01-16T22:59:00Z"),
  juryAppointed: utc("2023-01-10T10:00:00Z"),
  screening: utc("2023-01-18T09:00:00Z"),
  conflictsDeclared: utc("2023-02-01T09:00:00Z"),
  assigned: utc("2023-02-03T15:00:00Z"),
  scoringOpens: utc("2023-02-06T08:00:00Z"),
  /** 23:59, Paris time, on 17 March 2023. */
  scoringCloses: utc("2023-03-17T22:59:00Z"),
  deliberationOpens: utc("2023-03-28T08:00:00Z"),
  ballotCloses: utc("2023-03-30T15:00:00Z"),
  recommended: utc("2023-03-30T16:30:00Z"),
  /** The Director-General's decision, dated 2 May 2023 (midnight Paris time), recorded that morning. */
  decisionDate: utc("2023-05-01T22:00:00Z"),
  decisionRecorded: utc("2023-05-02T09:30:00Z"),
  announcement: utc("2023-06-15T08:00:00Z"),
};

export const THEME_2022 = {
  en: "Public digital learning platforms for inclusive education",
  fr: "Les plateformes publiques d’apprentissage numérique pour une éducation inclusive",
  ar: "المنصات العامة للتعلم الرقمي من أجل تعليم شامل",
};

export const CALL_2022 = {
  en: `UNESCO invites the governments of its Member States, through their National Commissions for UNESCO, and non-governmental organizations in official partnership with UNESCO to nominate projects for the 2022 edition of the UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education.

The 2022 edition rewards public digital learning platforms and content that reach every learner, including those left behind by distance and disability. Each nominating entity may nominate up to three candidatures by 16 January 2023, midnight Paris time.`,
  fr: `L’UNESCO invite les gouvernements de ses États membres, par l’intermédiaire de leur commission nationale pour l’UNESCO, ainsi que les organisations non gouvernementales en partenariat officiel avec l’UNESCO, à proposer des projets pour l’édition 2022 du Prix UNESCO-Roi Hamad Bin Isa Al-Khalifa pour l’utilisation des TIC dans l’éducation.

L’édition 2022 récompense des plateformes et contenus publics d’apprentissage numérique qui atteignent chaque apprenant, y compris ceux que la distance ou le handicap laissent de côté. Chaque entité peut proposer jusqu’à trois candidatures au plus tard le 16 janvier 2023 à minuit, heure de Paris.`,
};

export interface Plan22 {
  entity: EntityKey;
  country: string;
  language: Lang;
  /** The applicant's own language, that of their account and of the e-mail announcing the result. */
  locale: "en" | "fr" | "ar";
  title: string;
  organisation: string;
  orgType: { en: string; fr: string };
  person: string;
  /** How good the project is, on the edition's 1–10 scale; the jury's scores scatter around it. */
  quality: number;
  /** Not nominated (declined by its entity), or screened out on this rule. */
  outcome: "eligible" | "declined" | { fails: string };
  citation?: { en: string; fr: string };
}

const NGO = { en: "national NGO", fr: "ONG nationale" };
const GOVERNMENT = { en: "national government", fr: "gouvernement national" };
const INSTITUTION = { en: "other national institution", fr: "autre institution nationale" };

/** In reference order. Five regions: Africa, Arab States, Asia-Pacific, Europe, Latin America. */
export const PLAN_2022: readonly Plan22[] = [
  {
    entity: "FR",
    country: "FR",
    language: "fr",
    locale: "fr",
    title: "Les Cahiers numériques partagés",
    organisation: "Association Savoirs en Réseau",
    orgType: NGO,
    person: "Margaux Delorme",
    quality: 8.4,
    outcome: "eligible",
    citation: {
      en: "For a public library of open digital exercise books, written by teachers for teachers, that keeps pupils in hospital and in remote villages learning with their class.",
      fr: "Pour une bibliothèque publique de cahiers d’exercices numériques ouverts, écrits par des enseignants pour des enseignants, qui permet aux élèves hospitalisés ou isolés d’apprendre avec leur classe.",
    },
  },
  {
    entity: "FR",
    country: "FR",
    language: "fr",
    locale: "fr",
    title: "Atelier Robotique Solidaire",
    organisation: "Fablab des Deux Rives",
    orgType: NGO,
    person: "Bastien Lagarde",
    quality: 5,
    outcome: "declined",
  },
  {
    entity: "EI",
    country: "JO",
    language: "en",
    locale: "ar",
    title: "Noor Digital Library for Displaced Learners",
    organisation: "Al-Noor Learning Society",
    orgType: NGO,
    person: "Layla Haddad",
    quality: 8.1,
    outcome: "eligible",
    citation: {
      en: "For an offline-first Arabic digital library that brings the national curriculum, read aloud and captioned, to displaced children and their teachers in camps and host communities.",
      fr: "Pour une bibliothèque numérique arabophone, utilisable hors ligne, qui apporte le programme national, lu à voix haute et sous-titré, aux enfants déplacés et à leurs enseignants dans les camps et les communautés d’accueil.",
    },
  },
  {
    entity: "ICDE",
    country: "SN",
    language: "fr",
    locale: "fr",
    title: "Classe connectée du Sahel",
    organisation: "Réseau des enseignants numériques de Thiès",
    orgType: NGO,
    person: "Mariama Sarr",
    quality: 7.2,
    outcome: "eligible",
  },
  {
    entity: "ICDE",
    country: "CL",
    language: "en",
    locale: "en",
    title: "Open Classroom Patagonia",
    organisation: "Fundación Aprender Sur",
    orgType: NGO,
    person: "Tomás Aravena",
    quality: 6.9,
    outcome: "eligible",
  },
  {
    entity: "KE",
    country: "KE",
    language: "en",
    locale: "en",
    title: "Mwangaza Open Classroom",
    organisation: "Mwangaza Learning Trust",
    orgType: NGO,
    person: "Grace Wambui",
    quality: 6.6,
    outcome: "eligible",
  },
  {
    entity: "EI",
    country: "VN",
    language: "en",
    locale: "en",
    title: "Science Lab in a Browser",
    organisation: "Red River Teachers’ Digital Collective",
    orgType: INSTITUTION,
    person: "Pham Thi Lan",
    quality: 6.3,
    outcome: "eligible",
  },
  {
    entity: "BR",
    country: "BR",
    language: "en",
    locale: "en",
    title: "Connected School of the Sertão",
    organisation: "Instituto Sertão Digital",
    orgType: NGO,
    person: "Luana Bezerra",
    quality: 5.9,
    outcome: "eligible",
  },
  {
    entity: "IN",
    country: "IN",
    language: "en",
    locale: "en",
    title: "Saathi Learning Radio",
    organisation: "Department of School Education, Uttarakhand",
    orgType: GOVERNMENT,
    person: "Ritu Bhandari",
    quality: 5.6,
    outcome: "eligible",
  },
  {
    entity: "IN",
    country: "IN",
    language: "en",
    locale: "en",
    title: "Village Tablet Circles",
    organisation: "Gramin Shiksha Foundation",
    orgType: NGO,
    person: "Vikram Chauhan",
    quality: 5,
    outcome: { fails: "one_year" },
  },
];

/** How many of the eligible applications, best first by the jury's scores, go to the ballot. */
export const SHORTLIST_2022 = 5;

/** The chair's minutes, in her language (French), as she wrote them in the ballot page's form. */
export const MINUTES_2022 = `Le jury s’est réuni en ligne du 28 au 30 mars 2023 sous la présidence de Nadia Benali. Les cinq membres ont pris part au scrutin sur les cinq candidatures retenues ; Élise Marchand, en conflit d’intérêts avec une candidature française, s’est abstenue sur celle-ci.

Le jury recommande à la Directrice générale deux lauréats, dans l’ordre du scrutin, et salue la qualité des candidatures du Sénégal et du Chili.`;
