// The demo's applications: who applies from where, in which language, with what content, and
// how far each got (draft, sent, nominated) by the deadline.
import { ORGANISATION_TYPES, type ApplicationContent, type SectionKey } from "../../app/applications/domain/sections";
import type { applications } from "../../db/schema";
import { addUser, slug, type Rng, type Seeding } from "./demo-build";
import { CALL_OPENS, DAY, DEMO_RULES, HOUR, LAST_ACTIVITY_BEFORE_DEADLINE, minDate, plus } from "./demo-edition";
import { COUNTRIES, country, type Country, type Lang } from "./demo-countries";
import { DOMAIN, ENTITIES, JURORS, type EntityKey } from "./demo-people";
import { NOMINATED_OR_LATER, PLAN, type Plan } from "./demo-plan";
import {
  NOMINATOR_COMMENTS,
  ORG_TEMPLATES,
  SCOPES,
  SECTION_KEYS,
  SECTION_TEXT,
  TITLES,
  type OrgTemplate,
} from "./demo-texts";

export interface AppDraft {
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
export function buildContent(
  rng: Rng,
  lang: Lang,
  args: {
    title: string;
    organisation: string;
    orgType: OrgTemplate["type"];
    country: Country;
    city: string;
    person: string;
    email: string;
  },
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
      partners: en
        ? `Local education authorities and ${schools} partner schools.`
        : `Autorités éducatives locales et ${schools} écoles partenaires.`,
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
      targetGroups: en
        ? `Learners, their teachers and families in ${schools} schools.`
        : `Les apprenants, leurs enseignants et leurs familles dans ${schools} écoles.`,
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

/** The nominating entities' ids and their nominator's user id, by the entity's key. */
export interface EntityIds {
  ids: Map<EntityKey, string>;
  nominatorIds: Map<EntityKey, string>;
}

const entityCountry = (key: EntityKey) => ENTITIES.find((e) => e.key === key)!;

/**
 * Every application of the plan, in a shuffled order that gives their references: its country
 * and language, its title and organisation, its applicant (a new user), its dates and content.
 */
export function planApplications(s: Seeding, entities: EntityIds): AppDraft[] {
  const { rng } = s;
  const plan = rng.shuffle(PLAN);
  const fixedCountries = new Set(plan.flatMap((p) => (p.country ? [p.country] : [])));
  const others = COUNTRIES.filter(
    (c) => !ENTITIES.some((e) => e.kind === "national_commission" && e.country === c.code),
  );
  // Every other country once (those not already fixed by the plan first), then a second round.
  const countryQueue = [...rng.shuffle(others.filter((c) => !fixedCountries.has(c.code))), ...rng.shuffle(others)];
  const titleQueues: Record<Lang, string[]> = { en: rng.shuffle(TITLES.en), fr: rng.shuffle(TITLES.fr) };
  const usedEmails = new Set(s.userRows.map((u) => u.email));

  return plan.map((p, index) => {
    let c: Country;
    if (p.country) c = country(p.country);
    else if (p.entity && entityCountry(p.entity).kind === "national_commission")
      c = country(entityCountry(p.entity).country);
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
    const domain = p.sharesOrganisationWith
      ? JURORS.find((j) => j.name === p.sharesOrganisationWith)!.email.split("@")[1]
      : DOMAIN;
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
    usedEmails.add(email);

    // Created between 1 December 2023 and mid-January 2024, in reference order.
    const createdAt = plus(CALL_OPENS, index * 14 * HOUR + rng.int(0, 10) * HOUR);
    const applicantId = addUser(s, person, email, language, plus(createdAt, -rng.int(1, 30) * 60_000));
    const sent = p.state !== "draft";
    const sentAt = sent
      ? minDate(plus(createdAt, rng.int(3, 12) * DAY + rng.int(0, 23) * HOUR), LAST_ACTIVITY_BEFORE_DEADLINE)
      : null;
    const nominated = NOMINATED_OR_LATER.includes(p.state);
    const nominatedAt =
      nominated && sentAt
        ? minDate(plus(sentAt, rng.int(1, 6) * DAY + rng.int(0, 8) * HOUR), LAST_ACTIVITY_BEFORE_DEADLINE)
        : null;
    const lastTouch =
      nominatedAt ??
      (sentAt && p.state !== "awaiting_nominator"
        ? minDate(plus(sentAt, rng.int(1, 8) * DAY), LAST_ACTIVITY_BEFORE_DEADLINE)
        : sentAt) ??
      plus(createdAt, rng.int(0, 9) * DAY + rng.int(1, 20) * HOUR);
    const filled = p.state === "draft" ? rng.int(2, SECTION_KEYS.length) : SECTION_KEYS.length;
    const content = buildContent(
      rng,
      language,
      { title, organisation, orgType: template.type, country: c, city, person, email },
      filled,
    );
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
      entityId: p.entity ? entities.ids.get(p.entity)! : null,
      nominatorId: p.entity ? entities.nominatorIds.get(p.entity)! : null,
      createdAt,
      updatedAt: lastTouch,
      sentAt,
      nominatedAt,
      content,
    };
  });
}

/** The applications' rows; the nominations' audit entries go to `s.audits`. */
export function applicationRows(s: Seeding, apps: AppDraft[]): (typeof applications.$inferInsert)[] {
  const { rng, editionId } = s;
  const rows = apps.map((a) => {
    const entity = a.plan.entity ? entityCountry(a.plan.entity) : null;
    const commentKind =
      a.plan.state === "returned" || a.plan.state === "declined" ? a.plan.state : a.nominatedAt ? "nominated" : null;
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
      s.audits.push({
        actorId: a.nominatorId,
        action: "application.nominated",
        objectType: "application",
        objectId: a.id,
        details: { reference: a.reference, entityId: a.entityId },
        at: a.nominatedAt,
      });
    }
  }
  return rows;
}
