// Seeds, straight into the e2e database, an edition whose scoring has closed: criteria, four
// eligible applications (applicants who can sign in), a nominating entity with a member, five
// jurors (one chair, one in conflict with the best application) and their submitted reviews.
import { hash } from "@node-rs/argon2";
import { randomUUID } from "node:crypto";
import { e2eDb, freeEditionYear } from "./support/db";

export const JUROR_PASSWORD = "juror passphrase for e2e";
export const APPLICANT_PASSWORD = "applicant passphrase for e2e";

export interface SeededEdition {
  editionId: string;
  year: number;
  jurors: { email: string; memberId: string; isChair: boolean }[];
  apps: { id: string; reference: string; title: string; applicantEmail: string; applicantLocale: string }[];
  nominatorEmail: string;
}

let cachedHashes: { juror: string; applicant: string } | undefined;

/**
 * `closeRace`: the second and third applications are as good on average and the jurors split on
 * which is better, so the laureates' certificate has applications that cannot be separated.
 */
export async function seedScoredEdition(
  label: string,
  opts: { closeRace?: boolean; jurors?: number } = {},
): Promise<SeededEdition> {
  cachedHashes ??= {
    juror: await hash(JUROR_PASSWORD, { algorithm: 2 }),
    applicant: await hash(APPLICANT_PASSWORD, { algorithm: 2 }),
  };
  const db = e2eDb();
  const now = Date.now();
  const day = 864e5;
  const suffix = `${label}.${now}.${Math.floor(Math.random() * 1e6)}`.toLowerCase();
  const seed = db.transaction(() => {
    const year = freeEditionYear();
    const editionId = randomUUID();
    db.prepare(
      `insert into editions (id, year, theme_en, theme_fr, theme_ar, phase, call_opens_at, deadline_at, scoring_opens_at, scoring_closes_at, announcement_at, method, laureate_count, word_limits, created_at)
       values (?, ?, ?, ?, ?, 'scoring', ?, ?, ?, ?, ?, 'mean', 2, '{}', ?)`,
    ).run(
      editionId,
      year,
      "Digital learning for greening education",
      "L’apprentissage numérique pour verdir l’éducation",
      "التعلم الرقمي من أجل تخضير التعليم",
      now - 100 * day,
      now - 60 * day,
      now - 50 * day,
      now - day,
      now + 30 * day,
      now,
    );
    const criteria = [
      [
        "appropriateness",
        "Appropriateness of digital solutions",
        "Pertinence des solutions numériques",
        "ملاءمة الحلول الرقمية",
        1,
      ],
      ["innovation", "Pedagogy innovation", "Innovation pédagogique", "الابتكار التربوي", 1],
      ["impact", "Evidence of impact", "Preuves d’impact", "أدلة الأثر", 2],
    ] as const;
    criteria.forEach(([key, en, fr, ar, weight], position) =>
      db
        .prepare(
          "insert into criteria (id, edition_id, key, title_en, title_fr, title_ar, weight, position, level_descriptors) values (?, ?, ?, ?, ?, ?, ?, ?, '[]')",
        )
        .run(randomUUID(), editionId, key, en, fr, ar, weight, position),
    );
    const user = (email: string, name: string, locale: string, passwordHash: string, role?: string) => {
      const id = randomUUID();
      db.prepare(
        "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, ?, ?, ?)",
      ).run(id, email, name, passwordHash, locale, now);
      if (role) db.prepare("insert into user_roles (user_id, role, created_at) values (?, ?, ?)").run(id, role, now);
      return id;
    };
    const entityId = randomUUID();
    db.prepare(
      "insert into nominating_entities (id, kind, name, country, created_at) values (?, 'ngo', ?, null, ?)",
    ).run(entityId, `NGO ${suffix}`, now);
    const nominatorEmail = `nominator.${suffix}@e2e.test`;
    const nominatorId = user(nominatorEmail, "Nominator", "fr", cachedHashes!.applicant);
    db.prepare("insert into entity_members (entity_id, user_id, created_at) values (?, ?, ?)").run(
      entityId,
      nominatorId,
      now,
    );
    const jurors = Array.from({ length: opts.jurors ?? 5 }, (_, j) => {
      const email = `juror${j + 1}.${suffix}@e2e.test`;
      const userId = user(
        email,
        `Juror ${["Nadia", "Élise", "Hiroshi", "Kwame", "Sofía"][j] ?? j + 1}`,
        "en",
        cachedHashes!.juror,
      );
      const memberId = randomUUID();
      db.prepare(
        "insert into jury_members (id, edition_id, user_id, is_chair, languages, expertise, created_at) values (?, ?, ?, ?, '[\"en\",\"fr\"]', '[]', ?)",
      ).run(memberId, editionId, userId, j === 0 ? 1 : 0, now + j);
      return { email, memberId, isChair: j === 0 };
    });
    const locales = ["en", "fr", "ar", "en"];
    const apps = Array.from({ length: 4 }, (_, a) => {
      const applicantEmail = `applicant${a + 1}.${suffix}@e2e.test`;
      const applicantId = user(applicantEmail, `Applicant ${a + 1}`, locales[a], cachedHashes!.applicant, "applicant");
      const id = randomUUID();
      const reference = `E2E-${year}-${a + 1}`;
      const title = `Green project ${a + 1}`;
      db.prepare(
        `insert into applications (id, reference, edition_id, applicant_id, entity_id, state, language, title, organisation, country, content, declarations, version, created_at)
         values (?, ?, ?, ?, ?, 'eligible', 'en', ?, ?, ?, '{}', '{}', 1, ?)`,
      ).run(
        id,
        reference,
        editionId,
        applicantId,
        entityId,
        title,
        `Organisation ${a + 1}`,
        ["KR", "FI", "BR", "EG"][a],
        now,
      );
      return { id, reference, title, applicantEmail, applicantLocale: locales[a] };
    });
    // Juror 2 (index 1) is in conflict with the best application.
    db.prepare(
      "insert into conflicts (id, edition_id, juror_id, application_id, source, reason, created_at) values (?, ?, ?, ?, 'declared', 'Former colleague', ?)",
    ).run(randomUUID(), editionId, jurors[1].memberId, apps[0].id, now);
    apps.forEach((app, a) =>
      jurors.forEach((j, ji) => {
        if (ji === 1 && a === 0) return;
        const assignmentId = randomUUID();
        db.prepare(
          "insert into assignments (id, edition_id, juror_id, application_id, created_at, published_at) values (?, ?, ?, ?, ?, ?)",
        ).run(assignmentId, editionId, j.memberId, app.id, now, now);
        const split = opts.closeRace && (a === 1 || a === 2) ? (a === 1 ? 1 : -1) * [2, -2, 1, -1, 0][ji] : 0;
        const base =
          (opts.closeRace && a === 2 ? 7 : 9 - 2 * a) + split + [0, 1, -1, 0, 1][ji % 5] + (ji >= 5 ? (ji % 3) - 1 : 0);
        const scores = {
          appropriateness: clamp(base),
          innovation: clamp(base - (a % 2)),
          impact: clamp(base + ((a + ji) % 2)),
        };
        db.prepare(
          "insert into reviews (id, assignment_id, juror_id, application_id, state, scores, comments, overall_comment, confidence, version, submitted_at) values (?, ?, ?, ?, 'submitted', ?, '{}', ?, 4, 1, ?)",
        ).run(
          randomUUID(),
          assignmentId,
          j.memberId,
          app.id,
          JSON.stringify(scores),
          `Feedback ${ji + 1} on ${title(a)}`,
          now - day,
        );
      }),
    );
    return { editionId, year, jurors, apps, nominatorEmail };
  })();
  return seed;
}

const clamp = (v: number) => Math.max(1, Math.min(10, v));
const title = (a: number) => `Green project ${a + 1}`;
