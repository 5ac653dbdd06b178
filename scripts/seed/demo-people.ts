// The demo's people: the nominating entities and their nominators, the jurors, the secretariat.
import { DEMO_MAIL_DOMAIN } from "../../app/jury/models/conflict-detection.server";
import { utc } from "./demo-edition";
import type { Lang } from "./demo-countries";

// Applicants, nominators and the secretariat share the placeholder domain, which names no
// organisation (conflict detection ignores it); each juror has an organisation of their own.
export const DOMAIN = DEMO_MAIL_DOMAIN;

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
  {
    key: "KE",
    kind: "national_commission",
    name: "Kenya National Commission for UNESCO",
    country: "KE",
    lang: "en",
    nominator: { name: "Joseph Njoroge", email: `nominator.kenya@${DOMAIN}` },
  },
  {
    key: "FR",
    kind: "national_commission",
    name: "Commission nationale française pour l’UNESCO",
    country: "FR",
    lang: "fr",
    nominator: { name: "Hélène Garnier", email: `nominator.france@${DOMAIN}` },
  },
  {
    key: "BR",
    kind: "national_commission",
    name: "Brazilian National Commission for UNESCO",
    country: "BR",
    lang: "en",
    nominator: { name: "Renata Albuquerque", email: `nominator.brazil@${DOMAIN}` },
  },
  {
    key: "IN",
    kind: "national_commission",
    name: "Indian National Commission for Cooperation with UNESCO",
    country: "IN",
    lang: "en",
    nominator: { name: "Anand Krishnan", email: `nominator.india@${DOMAIN}` },
  },
  {
    key: "EI",
    kind: "ngo",
    name: "Education International",
    country: "BE",
    lang: "en",
    nominator: { name: "Sophie Vandenberghe", email: `nominator.ei@${DOMAIN}` },
  },
  {
    key: "ICDE",
    kind: "ngo",
    name: "International Council for Open and Distance Education (ICDE)",
    country: "NO",
    lang: "en",
    nominator: { name: "Astrid Haugen", email: `nominator.icde@${DOMAIN}` },
  },
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
  /**
   * The demo's suspicious pair: this juror gives the named juror's scores, one point lower, on
   * the applications both were assigned — far closer than chance, so the integrity audit flags them.
   */
  copies?: string;
}

export const JURORS: readonly JurorSeed[] = [
  {
    name: "Nadia Benali",
    email: `nadia.benali@ens-rabat.${DOMAIN}`,
    country: "MA",
    locale: "fr",
    languages: ["en", "fr", "ar"],
    expertise: ["teacher education", "inclusive education", "Arabic-language digital content"],
    isChair: true,
    leniency: 0.3,
    conflictsDeclaredAt: utc("2024-02-15T10:30:00Z"),
  },
  {
    name: "Élise Marchand",
    email: `elise.marchand@univ-lyon.${DOMAIN}`,
    country: "FR",
    locale: "fr",
    languages: ["en", "fr"],
    expertise: ["education for sustainable development", "open educational resources"],
    isChair: false,
    leniency: -1.3,
    conflictsDeclaredAt: utc("2024-02-16T08:10:00Z"),
  },
  {
    name: "Hiroshi Tanaka",
    email: `hiroshi.tanaka@learning-lab.${DOMAIN}`,
    country: "JP",
    locale: "en",
    languages: ["en"],
    expertise: ["learning analytics", "educational technology policy"],
    isChair: false,
    leniency: -0.5,
    conflictsDeclaredAt: utc("2024-02-16T01:45:00Z"),
  },
  {
    name: "Kwame Mensah",
    email: `kwame.mensah@edtech-accra.${DOMAIN}`,
    country: "GH",
    locale: "en",
    languages: ["en", "fr"],
    expertise: ["mobile learning", "low-connectivity solutions", "teacher professional development"],
    isChair: false,
    leniency: 1.5,
    conflictsDeclaredAt: utc("2024-02-17T14:00:00Z"),
  },
  {
    name: "Sofía Ramírez Castillo",
    email: `sofia.ramirez@edu-bogota.${DOMAIN}`,
    country: "CO",
    locale: "en",
    languages: ["en", "es", "fr"],
    expertise: ["climate change education", "evaluation and impact assessment"],
    isChair: false,
    leniency: 0.4,
    conflictsDeclaredAt: utc("2024-02-18T16:20:00Z"),
    copies: "Kwame Mensah",
  },
];

export const SECRETARIAT = { name: "Amina Diallo", email: `secretariat@${DOMAIN}` };
/** The 2023 edition's observer, from UNESCO's oversight, with a short note already filed. */
export const OBSERVER = {
  name: "Ingrid Solberg",
  email: `observer@${DOMAIN}`,
  note:
    "I followed the assignment and the first reviews. Conflicts of interest were declared and settled " +
    "before any score was seen, and no juror was given an application from their own country.",
};
