// Seeds the e2e database directly for the nominations journeys: a nominator who can sign in,
// an edition in screening with a deadline ahead, its eligibility rules, and applications waiting
// for the nominator with full content. Years and names are unique per test and project.
import { hash } from "@node-rs/argon2";
import { randomUUID } from "node:crypto";
import { e2eDb, freeEditionYear } from "./support/db";

const DAY = 864e5;

export interface Seeded {
  editionId: string;
  entityId: string;
  entityName: string;
  nominator: { email: string; password: string };
  applicant: { id: string; email: string };
  applications: { id: string; reference: string; title: string }[];
  ruleKeys: string[];
}

function content(title: string, organisation: string, country: string) {
  return {
    sections: {
      background: {
        title,
        organisation,
        country,
        startMonth: "2021-01",
        endMonth: "",
        organisationType: "national_ngo",
        operatingIn: "Senegal",
        partners: "",
      },
      contact: {
        contactName: "Aïssatou Ba",
        jobTitle: "Director",
        address: "Dakar",
        contactCountry: country,
        phone: "+221 33 000 00 00",
        website: "https://example.org",
        contactEmail: "contact@example.org",
      },
      organisation: { organisationDescription: "An NGO running digital schools." },
      objectives: { objectives: "Reach rural learners.", targetGroups: "Girls." },
      technology: { technology: "Offline tablets." },
      pedagogy: { pedagogy: "Peer learning." },
      inclusion: { inclusion: "Free of charge." },
      impact: { impact: "Better reading scores." },
      replicability: { replicability: "Open source." },
      sustainability: { sustainability: "Ministry funding." },
      links: { videoLinks: "", otherLinks: "" },
    },
    completed: [],
  };
}

export async function seedNominations({
  label,
  count = 5,
  applicantLocale = "en",
}: {
  label: string;
  count?: number;
  applicantLocale?: string;
}): Promise<Seeded> {
  const db = e2eDb();
  const now = Date.now();
  const tag = `${label}-${now}-${Math.floor(Math.random() * 1e6)}`;
  const password = "nominator e2e passphrase";
  const passwordHash = await hash(password, { algorithm: 2 });
  const nominatorId = randomUUID();
  const nominatorEmail = `nominator.${tag}@e2e.test`.toLowerCase();
  const applicantId = randomUUID();
  const applicantEmail = `applicant.${tag}@e2e.test`.toLowerCase();
  const entityId = randomUUID();
  const entityName = `NGO ${tag}`;
  const editionId = randomUUID();
  const ruleKeys = ["member_state", "ict_in_education", "running_one_year"];
  const applications: Seeded["applications"] = [];
  db.transaction(() => {
    const insUser = db.prepare(
      "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, ?, ?, ?)",
    );
    insUser.run(nominatorId, nominatorEmail, `Nominator ${label}`, passwordHash, "en", now);
    insUser.run(applicantId, applicantEmail, `Applicant ${label}`, passwordHash, applicantLocale, now);
    db.prepare("insert into user_roles (user_id, role, created_at) values (?, 'applicant', ?)").run(applicantId, now);
    db.prepare(
      "insert into nominating_entities (id, kind, name, country, created_at) values (?, 'ngo', ?, null, ?)",
    ).run(entityId, entityName, now);
    db.prepare("insert into entity_members (entity_id, user_id, created_at) values (?, ?, ?)").run(
      entityId,
      nominatorId,
      now,
    );
    const year = freeEditionYear();
    db.prepare(
      "insert into editions (id, year, theme_en, theme_fr, phase, call_opens_at, deadline_at, scoring_opens_at, scoring_closes_at, announcement_at, created_at) values (?, ?, ?, ?, 'screening', ?, ?, ?, ?, ?, ?)",
    ).run(
      editionId,
      year,
      `Theme ${tag}`,
      `Thème ${tag}`,
      now - 10 * DAY,
      now + 30 * DAY,
      now + 40 * DAY,
      now + 70 * DAY,
      now + 200 * DAY,
      now,
    );
    ruleKeys.forEach((key, i) =>
      db
        .prepare(
          "insert into eligibility_rules (id, edition_id, key, text_en, text_fr, text_ar, position) values (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(randomUUID(), editionId, key, `Rule ${key}`, `Critère ${key}`, `شرط ${key}`, i),
    );
    const insApp = db.prepare(
      "insert into applications (id, reference, edition_id, applicant_id, entity_id, state, language, title, organisation, country, content, sent_at, created_at) values (?, ?, ?, ?, ?, 'awaiting_nominator', 'en', ?, ?, ?, ?, ?, ?)",
    );
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const reference = `E2E-${year}-${String(i + 1).padStart(3, "0")}-${Math.floor(Math.random() * 1e4)}`;
      const title = `Project ${i + 1} ${tag}`;
      const country = i % 2 === 0 ? "SN" : "KE";
      insApp.run(
        id,
        reference,
        editionId,
        applicantId,
        entityId,
        title,
        `Org ${i + 1} ${tag}`,
        country,
        JSON.stringify(content(title, `Org ${i + 1} ${tag}`, country)),
        now - (count - i) * 1000,
        now,
      );
      applications.push({ id, reference, title });
    }
  })();
  return {
    editionId,
    entityId,
    entityName,
    nominator: { email: nominatorEmail, password },
    applicant: { id: applicantId, email: applicantEmail },
    applications,
    ruleKeys,
  };
}

/** Marks applications nominated directly (for screening journeys), with a letter row. */
export function nominateDirectly(seed: Seeded, ids: string[]): void {
  const db = e2eDb();
  const now = Date.now();
  const nominatorId = (
    db.prepare("select user_id from entity_members where entity_id = ?").get(seed.entityId) as { user_id: string }
  ).user_id;
  db.transaction(() => {
    for (const id of ids) {
      db.prepare(
        "update applications set state = 'nominated', nominated_content = content, nominated_at = ?, nominated_by = ? where id = ?",
      ).run(now, nominatorId, id);
    }
  })();
}

export { tinyPdf } from "./support/pdf";
