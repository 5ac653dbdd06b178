// A small complete world for the attack specs, written straight into the e2e database: one
// edition in scoring with two applicants (A's application nominated by entity X with a letter
// and an attachment, B's by entity Y), a nominator of each entity, a juror assigned to A's
// application, a juror in conflict with it, the chair and a secretariat member — and a signed-in
// session for each, made as app/accounts/server/session.server.ts makes them (a random token in the cookie,
// its SHA-256 in the sessions table), so no spec spends time on sign-in forms.
import { createCookie } from "@remix-run/node";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { e2eDb, freeEditionYear } from "./db";
import { tinyPdf } from "./pdf";

export const ROLES = [
  "visitor",
  "applicantA",
  "applicantB",
  "nominatorX",
  "nominatorY",
  "juror",
  "conflictedJuror",
  "chair",
  "observer",
  "secretariat",
] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  tag: string;
  editionId: string;
  year: number;
  entityX: string;
  entityY: string;
  appA: { id: string; reference: string };
  appB: { id: string; reference: string };
  attachmentId: string;
  letterId: string;
  /** The assigned juror's review of A's application. */
  reviewId: string;
  userIds: Record<Exclude<Role, "visitor">, string>;
  /** A Cookie header per role (empty for the visitor). */
  cookies: Record<Role, string>;
}

const DAY = 864e5;
const sessionCookie = createCookie("prize_session", { path: "/", httpOnly: true, sameSite: "lax" });

/**
 * A fresh session for this user (in the shared e2e database unless told), as the Cookie header a
 * browser would send.
 */
export async function sessionFor(userId: string, database: ReturnType<typeof e2eDb> = e2eDb()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = createHash("sha256").update(token).digest("hex");
  const now = Date.now();
  database
    .prepare(
      "insert into sessions (id, token_hash, user_id, created_at, expires_at, user_agent) values (?, ?, ?, ?, ?, ?)",
    )
    .run(randomUUID(), tokenHash, userId, now, now + 14 * DAY, "attack-suite");
  return (await sessionCookie.serialize(token)).split(";")[0];
}

function content(title: string, organisation: string, country: string) {
  const text = (s: string) => `${s} for ${title}.`;
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
      organisation: { organisationDescription: text("An NGO running digital schools") },
      objectives: { objectives: text("Reach rural learners"), targetGroups: "Girls." },
      technology: { technology: text("Offline tablets") },
      pedagogy: { pedagogy: text("Peer learning") },
      inclusion: { inclusion: text("Free of charge") },
      impact: { impact: text("Better reading scores") },
      replicability: { replicability: text("Open source") },
      sustainability: { sustainability: text("Ministry funding") },
      links: { videoLinks: "", otherLinks: "" },
    },
    completed: [
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
    ],
  };
}

export async function seedWorld(label: string): Promise<World> {
  const db = e2eDb();
  const uploads = process.env.E2E_UPLOAD_DIR;
  if (!uploads) throw new Error("E2E_UPLOAD_DIR is not set: is tests/e2e/global-setup.ts running?");
  const now = Date.now();
  const tag = `${label}-${now}-${Math.floor(Math.random() * 1e6)}`.toLowerCase();
  const pdf = tinyPdf();
  const pdfSha = createHash("sha256").update(pdf).digest("hex");
  const world = db.transaction(() => {
    const year = freeEditionYear();
    const editionId = randomUUID();
    db.prepare(
      `insert into editions (id, year, theme_en, theme_fr, theme_ar, phase, call_opens_at, deadline_at, scoring_opens_at, scoring_closes_at, announcement_at, method, laureate_count, reviewers_per_application, word_limits, created_at)
       values (?, ?, ?, ?, ?, 'scoring', ?, ?, ?, ?, ?, 'mean', 2, 1, '{}', ?)`,
    ).run(
      editionId,
      year,
      `Attack suite ${tag}`,
      `Suite d’attaque ${tag}`,
      `مجموعة الهجوم ${tag}`,
      now - 100 * DAY,
      now - 60 * DAY,
      now - 50 * DAY,
      now + 20 * DAY,
      now + 60 * DAY,
      now,
    );
    const criteria = [
      ["appropriateness", "Appropriateness of digital solutions", "Pertinence des solutions numériques", 1],
      ["impact", "Evidence of impact", "Preuves d’impact", 2],
    ] as const;
    criteria.forEach(([key, en, fr, weight], position) =>
      db
        .prepare(
          "insert into criteria (id, edition_id, key, title_en, title_fr, weight, position, level_descriptors) values (?, ?, ?, ?, ?, ?, ?, '[]')",
        )
        .run(randomUUID(), editionId, key, en, fr, weight, position),
    );
    ["member_state", "ict_in_education"].forEach((key, position) =>
      db
        .prepare(
          "insert into eligibility_rules (id, edition_id, key, text_en, text_fr, text_ar, position) values (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(randomUUID(), editionId, key, `Rule ${key}`, `Critère ${key}`, `شرط ${key}`, position),
    );
    const user = (role: string, name: string, globalRole?: "applicant" | "secretariat") => {
      const id = randomUUID();
      // Sessions are made directly: no password is ever typed, so none can match this hash.
      db.prepare(
        "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, ?, 'en', ?)",
      ).run(id, `${role}.${tag}@e2e.test`, name, "$argon2id$v=19$m=19456,t=2,p=1$none$none", now);
      if (globalRole)
        db.prepare("insert into user_roles (user_id, role, created_at) values (?, ?, ?)").run(id, globalRole, now);
      return id;
    };
    const userIds = {
      applicantA: user("applicant-a", "Applicant A", "applicant"),
      applicantB: user("applicant-b", "Applicant B", "applicant"),
      nominatorX: user("nominator-x", "Nominator X"),
      nominatorY: user("nominator-y", "Nominator Y"),
      juror: user("juror", "Juror Assigned"),
      conflictedJuror: user("juror-conflicted", "Juror Conflicted"),
      chair: user("chair", "Jury Chair"),
      observer: user("observer", "Edition Observer"),
      secretariat: user("secretariat", "Secretariat Member", "secretariat"),
    };
    const entity = (name: string, member: string) => {
      const id = randomUUID();
      db.prepare(
        "insert into nominating_entities (id, kind, name, country, created_at) values (?, 'ngo', ?, null, ?)",
      ).run(id, `${name} ${tag}`, now);
      db.prepare("insert into entity_members (entity_id, user_id, created_at) values (?, ?, ?)").run(id, member, now);
      return id;
    };
    const entityX = entity("NGO X", userIds.nominatorX);
    const entityY = entity("NGO Y", userIds.nominatorY);
    const application = (n: string, applicantId: string, entityId: string, nominatorId: string, country: string) => {
      const id = randomUUID();
      const reference = `ATK-${year}-${n}-${Math.floor(Math.random() * 1e6)}`;
      const title = `Project ${n} ${tag}`;
      const body = JSON.stringify(content(title, `Organisation ${n}`, country));
      db.prepare(
        `insert into applications (id, reference, edition_id, applicant_id, entity_id, state, language, title, organisation, country, content, declarations, nominated_content, sent_at, nominated_at, nominated_by, screened_at, version, created_at)
         values (?, ?, ?, ?, ?, 'eligible', 'en', ?, ?, ?, ?, '{"member_state":true,"ict_in_education":true}', ?, ?, ?, ?, ?, 1, ?)`,
      ).run(
        id,
        reference,
        editionId,
        applicantId,
        entityId,
        title,
        `Organisation ${n}`,
        country,
        body,
        body,
        now - 70 * DAY,
        now - 65 * DAY,
        nominatorId,
        now - 55 * DAY,
        now - 80 * DAY,
      );
      return { id, reference };
    };
    const appA = application("A", userIds.applicantA, entityX, userIds.nominatorX, "SN");
    const appB = application("B", userIds.applicantB, entityY, userIds.nominatorY, "KE");
    const attachmentId = randomUUID();
    const attachmentFile = randomUUID();
    db.prepare(
      "insert into attachments (id, application_id, original_name, mime_type, size_bytes, pages, sha256, stored_name, created_at) values (?, ?, 'evidence.pdf', 'application/pdf', ?, 1, ?, ?, ?)",
    ).run(attachmentId, appA.id, pdf.byteLength, pdfSha, attachmentFile, now - 75 * DAY);
    const letterId = randomUUID();
    const letterFile = randomUUID();
    db.prepare(
      "insert into nomination_letters (id, application_id, entity_id, uploaded_by, original_name, size_bytes, sha256, stored_name, created_at) values (?, ?, ?, ?, 'letter.pdf', ?, ?, ?, ?)",
    ).run(letterId, appA.id, entityX, userIds.nominatorX, pdf.byteLength, pdfSha, letterFile, now - 65 * DAY);
    // The chair comes from the country of A's project: a conflict that detection would find
    // (and that only an explicit post may record).
    const member = (userId: string, isChair: boolean) => {
      const id = randomUUID();
      db.prepare(
        "insert into jury_members (id, edition_id, user_id, is_chair, country, languages, expertise, conflicts_declared_at, created_at) values (?, ?, ?, ?, ?, '[\"en\",\"fr\"]', '[]', ?, ?)",
      ).run(id, editionId, userId, isChair ? 1 : 0, isChair ? "SN" : null, now - 52 * DAY, now - 58 * DAY);
      return id;
    };
    const jurorMember = member(userIds.juror, false);
    const conflictedMember = member(userIds.conflictedJuror, false);
    const chairMember = member(userIds.chair, true);
    db.prepare(
      "insert into conflicts (id, edition_id, juror_id, application_id, source, reason, created_at) values (?, ?, ?, ?, 'declared', 'Former colleague', ?)",
    ).run(randomUUID(), editionId, conflictedMember, appA.id, now - 52 * DAY);
    const assign = (memberId: string, applicationId: string) => {
      const assignmentId = randomUUID();
      db.prepare(
        "insert into assignments (id, edition_id, juror_id, application_id, created_at, published_at) values (?, ?, ?, ?, ?, ?)",
      ).run(assignmentId, editionId, memberId, applicationId, now - 51 * DAY, now - 51 * DAY);
      const reviewId = randomUUID();
      db.prepare(
        "insert into reviews (id, assignment_id, juror_id, application_id, state, scores, comments, overall_comment, version) values (?, ?, ?, ?, 'draft', '{\"appropriateness\":7}', '{}', '', 1)",
      ).run(reviewId, assignmentId, memberId, applicationId);
      return reviewId;
    };
    db.prepare("insert into edition_observers (id, edition_id, user_id, note, created_at) values (?, ?, ?, '', ?)").run(
      randomUUID(),
      editionId,
      userIds.observer,
      now - 55 * DAY,
    );
    const reviewId = assign(jurorMember, appA.id);
    assign(conflictedMember, appB.id);
    assign(chairMember, appB.id);
    return {
      tag,
      editionId,
      year,
      entityX,
      entityY,
      appA,
      appB,
      attachmentId,
      letterId,
      reviewId,
      userIds,
      attachmentFile,
      letterFile,
    };
  })();
  mkdirSync(join(uploads, "letters"), { recursive: true });
  writeFileSync(join(uploads, world.attachmentFile), pdf);
  writeFileSync(join(uploads, "letters", world.letterFile), pdf);
  const cookies = { visitor: "" } as Record<Role, string>;
  for (const role of ROLES) if (role !== "visitor") cookies[role] = await sessionFor(world.userIds[role]);
  const { attachmentFile: _a, letterFile: _l, ...rest } = world;
  return { ...rest, cookies };
}

/** The site's origin, for the Origin header every POST must carry. */
export function baseOrigin(): string {
  const base = process.env.E2E_BASE_URL;
  if (!base) throw new Error("E2E_BASE_URL is not set: is tests/e2e/global-setup.ts running?");
  return new URL(base).origin;
}

export interface RouteInfo {
  id: string;
  /** The URL pattern, e.g. /applications/:applicationId/sections/:section. */
  pattern: string;
  hasAction: boolean;
  hasLoader: boolean;
}

/**
 * Every route of the build, from the manifest the build writes for the browser
 * (public/build/manifest-*.js: ids, paths, parents, whether a route has a loader or an action),
 * so a route added later is attacked too without anyone listing it.
 */
export async function builtRoutes(): Promise<RouteInfo[]> {
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = join(process.cwd(), "public", "build");
  const file = readdirSync(dir).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error("No public/build/manifest-*.js: run `npx remix build` first");
  const text = readFileSync(join(dir, file), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as {
    routes: Record<
      string,
      { id: string; parentId?: string; path?: string; index?: boolean; hasAction: boolean; hasLoader: boolean }
    >;
  };
  const routes = manifest.routes;
  const pathOf = (id: string): string => {
    const route = routes[id];
    const parent = route.parentId ? pathOf(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(routes)
    .filter((r) => r.id !== "root")
    .map((r) => ({ id: r.id, pattern: `/${pathOf(r.id)}`, hasAction: r.hasAction, hasLoader: r.hasLoader }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The single-fetch data request of a page (Remix 2 single fetch: `<path>.data`, `/_root.data` for "/"). */
export function dataUrl(path: string, routeId: string): string {
  const [pathname, search = ""] = path.split("?");
  const base = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  const params = new URLSearchParams(search);
  params.set("_routes", routeId);
  return `${base}?${params}`;
}

/** A Promise.all in batches of `size`, so two shared cores are not flooded. */
export async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}
