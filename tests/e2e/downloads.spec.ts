// Files download as files, for exactly the people allowed, against the real built server: an
// applicant uploads a PDF (non-ASCII name), a PNG and a JPEG through the upload form, the
// entity's nominator nominates with a letter through the nomination form, then jurors are
// assigned. Each allowed role gets each file's stored bytes with download headers; each denied
// role gets the 404 of a file that does not exist. HTTP only, so it runs in the js project only
// (the nojs project leaves out the @http tag).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { parseContentDisposition } from "./support/content-disposition";
import { e2eDb, freeEditionYear } from "./support/db";
import { tinyPdf } from "./support/pdf";
import { origin } from "./support/session";

const DAY = 864e5;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// The smallest files each sniffed type accepts: signature first, then a little payload.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("\u0000\u0000\u0000\rIHDR png payload", "latin1"),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from("\u0000\u0010JFIF jpeg payload", "latin1"),
  Buffer.from([0xff, 0xd9]),
]);

type Role =
  | "applicant"
  | "nominator"
  | "assignedJuror"
  | "secretariat"
  | "otherApplicant"
  | "otherNominator"
  | "unassignedJuror"
  | "conflictedJuror"
  | "recusedJuror";
const ALLOWED: Role[] = ["applicant", "nominator", "assignedJuror", "secretariat"];
const DENIED: Role[] = ["otherApplicant", "otherNominator", "unassignedJuror", "conflictedJuror", "recusedJuror"];

interface StoredFile {
  kind: string;
  url: string;
  name: string;
  type: string;
  bytes: Buffer;
  storedPath: string;
}

interface World {
  cookies: Record<Role, string>;
  files: StoredFile[];
  reviewId: string;
}

/** A session made straight in the database, encoded as the server's session cookie is. */
function sessionCookie(userId: string): string {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  e2eDb()
    .prepare(
      "insert into sessions (id, token_hash, user_id, created_at, expires_at, user_agent) values (?, ?, ?, ?, ?, 'downloads e2e')",
    )
    .run(randomUUID(), createHash("sha256").update(token).digest("hex"), userId, now, now + DAY);
  return `prize_session=${encodeURIComponent(Buffer.from(JSON.stringify(token)).toString("base64"))}`;
}

async function seed(http: APIRequestContext): Promise<World> {
  const db = e2eDb();
  const now = Date.now();
  const tag = `${now}.${Math.floor(Math.random() * 1e6)}`;
  const ids: Record<Role, string> = Object.fromEntries([...ALLOWED, ...DENIED].map((r) => [r, randomUUID()])) as Record<
    Role,
    string
  >;
  const members: Partial<Record<Role, string>> = {};
  const entityId = randomUUID();
  const otherEntityId = randomUUID();
  const editionId = randomUUID();
  const applicationId = randomUUID();
  const otherApplicationId = randomUUID();
  db.transaction(() => {
    const year = freeEditionYear();
    for (const role of Object.keys(ids) as Role[]) {
      db.prepare(
        "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, 'no password: session made by the test', 'en', ?)",
      ).run(ids[role], `${role}.${tag}@e2e.test`.toLowerCase(), `Downloads ${role}`, now);
    }
    for (const role of ["applicant", "otherApplicant"] as const)
      db.prepare("insert into user_roles (user_id, role, created_at) values (?, 'applicant', ?)").run(ids[role], now);
    db.prepare("insert into user_roles (user_id, role, created_at) values (?, 'secretariat', ?)").run(
      ids.secretariat,
      now,
    );
    for (const [id, member] of [
      [entityId, ids.nominator],
      [otherEntityId, ids.otherNominator],
    ]) {
      db.prepare(
        "insert into nominating_entities (id, kind, name, country, created_at) values (?, 'ngo', ?, null, ?)",
      ).run(id, `Downloads NGO ${id.slice(0, 8)} ${tag}`, now);
      db.prepare("insert into entity_members (entity_id, user_id, created_at) values (?, ?, ?)").run(id, member, now);
    }
    db.prepare(
      "insert into editions (id, year, theme_en, theme_fr, phase, call_opens_at, deadline_at, scoring_opens_at, scoring_closes_at, announcement_at, created_at) values (?, ?, ?, ?, 'call_open', ?, ?, ?, ?, ?, ?)",
    ).run(
      editionId,
      year,
      `Downloads ${tag}`,
      `Téléchargements ${tag}`,
      now - 10 * DAY,
      now + 30 * DAY,
      now + 40 * DAY,
      now + 70 * DAY,
      now + 200 * DAY,
      now,
    );
    db.prepare(
      "insert into criteria (id, edition_id, key, title_en, title_fr, weight, position, level_descriptors) values (?, ?, 'impact', 'Evidence of impact', 'Preuves d’impact', 1, 0, '[]')",
    ).run(randomUUID(), editionId);
    const insertApplication = db.prepare(
      "insert into applications (id, reference, edition_id, applicant_id, entity_id, state, language, title, organisation, country, content, created_at) values (?, ?, ?, ?, null, 'draft', 'en', ?, 'Open Schools Lab', 'KE', '{}', ?)",
    );
    insertApplication.run(
      applicationId,
      `DL-${year}-1-${tag}`,
      editionId,
      ids.applicant,
      `Downloads project ${tag}`,
      now,
    );
    insertApplication.run(
      otherApplicationId,
      `DL-${year}-2-${tag}`,
      editionId,
      ids.otherApplicant,
      `Other project ${tag}`,
      now,
    );
  })();
  const cookies = Object.fromEntries((Object.keys(ids) as Role[]).map((r) => [r, sessionCookie(ids[r])])) as Record<
    Role,
    string
  >;

  // Uploaded through the real form, so the stored copy is whatever the server wrote.
  const uploads = [
    { kind: "attachment PDF", name: "Évaluation – 報告.pdf", type: "application/pdf", bytes: tinyPdf() },
    { kind: "attachment PNG", name: "photo (1).png", type: "image/png", bytes: PNG },
    { kind: "attachment JPEG", name: "scan.jpg", type: "image/jpeg", bytes: JPEG },
  ];
  for (const file of uploads) {
    const response = await http.post(`/applications/${applicationId}/attachments`, {
      multipart: { file: { name: file.name, mimeType: file.type, buffer: file.bytes } },
      headers: { Origin: origin(), Cookie: cookies.applicant },
      maxRedirects: 0,
    });
    expect(response.status(), `${file.kind}: ${await response.text()}`).toBe(302);
  }
  db.prepare("update applications set state = 'awaiting_nominator', entity_id = ?, sent_at = ? where id = ?").run(
    entityId,
    now,
    applicationId,
  );
  const letterBytes = tinyPdf();
  const letterName = "Lettre de désignation – 推薦.pdf";
  const nominated = await http.post(`/nominations/${applicationId}`, {
    multipart: {
      intent: "nominate",
      applicationId,
      entityId,
      confirm: "on",
      letter: { name: letterName, mimeType: "application/pdf", buffer: letterBytes },
    },
    headers: { Origin: origin(), Cookie: cookies.nominator },
    maxRedirects: 0,
  });
  expect(nominated.status(), await nominated.text()).toBe(302);

  // Scoring: the application is eligible and assigned; one juror recused, one in conflict.
  let reviewId = "";
  db.transaction(() => {
    db.prepare("update editions set phase = 'scoring', deadline_at = ?, scoring_opens_at = ? where id = ?").run(
      now - 2 * DAY,
      now - DAY,
      editionId,
    );
    db.prepare("update applications set state = 'eligible' where id = ?").run(applicationId);
    for (const role of ["assignedJuror", "unassignedJuror", "conflictedJuror", "recusedJuror"] as const) {
      members[role] = randomUUID();
      db.prepare(
        "insert into jury_members (id, edition_id, user_id, is_chair, languages, expertise, created_at) values (?, ?, ?, 0, '[\"en\",\"fr\"]', '[]', ?)",
      ).run(members[role], editionId, ids[role], now);
    }
    for (const role of ["assignedJuror", "conflictedJuror", "recusedJuror"] as const) {
      const assignmentId = randomUUID();
      const id = randomUUID();
      db.prepare(
        "insert into assignments (id, edition_id, juror_id, application_id, created_at, published_at) values (?, ?, ?, ?, ?, ?)",
      ).run(assignmentId, editionId, members[role], applicationId, now, now);
      db.prepare(
        "insert into reviews (id, assignment_id, juror_id, application_id, state, scores, comments, overall_comment, version) values (?, ?, ?, ?, ?, '{}', '{}', '', 1)",
      ).run(id, assignmentId, members[role], applicationId, role === "recusedJuror" ? "recused" : "assigned");
      if (role === "assignedJuror") reviewId = id;
    }
    db.prepare(
      "insert into conflicts (id, edition_id, juror_id, application_id, source, reason, created_at) values (?, ?, ?, ?, 'manual', 'Same organisation', ?)",
    ).run(randomUUID(), editionId, members.conflictedJuror, applicationId, now);
    // The unassigned juror reviews the other application: a juror, just not of this one.
    const assignmentId = randomUUID();
    db.prepare(
      "insert into assignments (id, edition_id, juror_id, application_id, created_at, published_at) values (?, ?, ?, ?, ?, ?)",
    ).run(assignmentId, editionId, members.unassignedJuror, otherApplicationId, now, now);
    db.prepare(
      "insert into reviews (id, assignment_id, juror_id, application_id, state, scores, comments, overall_comment, version) values (?, ?, ?, ?, 'assigned', '{}', '{}', '', 1)",
    ).run(randomUUID(), assignmentId, members.unassignedJuror, otherApplicationId);
  })();

  const uploadDir = process.env.E2E_UPLOAD_DIR!;
  const stored = db
    .prepare("select id, original_name, stored_name, sha256 from attachments where application_id = ?")
    .all(applicationId) as { id: string; original_name: string; stored_name: string; sha256: string }[];
  const files: StoredFile[] = uploads.map((u) => {
    const row = stored.find((s) => s.original_name === u.name);
    if (!row) throw new Error(`no attachment row for ${u.name}`);
    expect(row.sha256).toBe(sha(u.bytes));
    return {
      kind: u.kind,
      url: `/attachments/${row.id}`,
      name: u.name,
      type: u.type,
      bytes: u.bytes,
      storedPath: join(uploadDir, row.stored_name),
    };
  });
  const letter = db
    .prepare("select id, stored_name, sha256 from nomination_letters where application_id = ?")
    .get(applicationId) as { id: string; stored_name: string; sha256: string };
  expect(letter.sha256).toBe(sha(letterBytes));
  files.push({
    kind: "nomination letter",
    url: `/nomination-letters/${letter.id}`,
    name: letterName,
    type: "application/pdf",
    bytes: letterBytes,
    storedPath: join(uploadDir, "letters", letter.stored_name),
  });
  return { cookies, files, reviewId };
}

function expectDownload(response: APIResponse, body: Buffer, file: StoredFile, who: string) {
  const what = `${who} downloading the ${file.kind}`;
  expect(response.status(), what).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"], what).toBe(file.type);
  expect(headers["cache-control"], what).toBe("private, no-store");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  if (headers["content-length"] !== undefined) expect(Number(headers["content-length"]), what).toBe(body.length);
  const stored = readFileSync(file.storedPath);
  expect(sha(body), what).toBe(sha(stored));
  expect(sha(body), what).toBe(sha(file.bytes));
  const disposition = parseContentDisposition(headers["content-disposition"] ?? "");
  expect(disposition.type, what).toBe("attachment");
  expect(disposition.filenameStar, what).toBe(file.name);
  expect(headers["content-disposition"], what).toContain("filename*=UTF-8''");
  expect(disposition.params.filename, what).toMatch(/^[\x20-\x7e]+$/);
}

test.describe("downloads", { tag: "@http" }, () => {
  let world: World;

  test.beforeAll(async ({ playwright }) => {
    const http = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
    world = await seed(http);
    await http.dispose();
  });

  test("the applicant, the entity's nominator, an assigned juror and the secretariat download each file's stored bytes as an attachment", async ({
    request,
  }) => {
    // The non-ASCII name needs filename*; the check below would pass vacuously on an ASCII one.
    expect(world.files[0].name).toMatch(/[^\x20-\x7e]/);
    for (const role of ALLOWED) {
      for (const file of world.files) {
        const response = await request.get(file.url, { headers: { Cookie: world.cookies[role] }, maxRedirects: 0 });
        expectDownload(response, await response.body(), file, role);
      }
    }
  });

  test("another applicant, another entity's nominator and an unassigned, conflicted or recused juror get the 404 of a file that does not exist", async ({
    request,
  }) => {
    const missing = await request.get(`/attachments/${randomUUID()}`, {
      headers: { Cookie: world.cookies.secretariat },
      maxRedirects: 0,
    });
    expect(missing.status()).toBe(404);
    const missingBody = await missing.text();
    for (const role of DENIED) {
      for (const file of world.files) {
        const response = await request.get(file.url, { headers: { Cookie: world.cookies[role] }, maxRedirects: 0 });
        expect(response.status(), `${role} downloading the ${file.kind}`).toBe(404);
        expect(await response.text(), `${role} downloading the ${file.kind}`).toBe(missingBody);
        expect(response.headers()["content-disposition"], `${role} downloading the ${file.kind}`).toBeUndefined();
      }
    }
  });

  test("a visitor asking for a file is sent to sign in, and gets no byte of it", async ({ request }) => {
    for (const file of world.files) {
      const response = await request.get(file.url, { maxRedirects: 0 });
      expect(response.status(), file.kind).toBe(302);
      expect(response.headers()["location"], file.kind).toBe(`/login?redirectTo=${encodeURIComponent(file.url)}`);
      expect(sha(await response.body()), file.kind).not.toBe(sha(file.bytes));
    }
  });

  test("the links of the juror's reading view download the letter and the attachments", async ({ page, request }) => {
    const html = await request.get(`/jury/reviews/${world.reviewId}`, {
      headers: { Cookie: world.cookies.assignedJuror },
    });
    expect(html.status()).toBe(200);
    const hrefs = [...(await html.text()).matchAll(/href="(\/(?:attachments|nomination-letters)\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(hrefs.sort()).toEqual(world.files.map((f) => f.url).sort());
    for (const href of hrefs) {
      const file = world.files.find((f) => f.url === href)!;
      const response = await request.get(href, { headers: { Cookie: world.cookies.assignedJuror } });
      expectDownload(response, await response.body(), file, "the assigned juror following the reading view's link");
    }

    // And in the browser: clicking the link downloads the file instead of opening a page.
    const [name, value] = world.cookies.assignedJuror.split("=");
    await page.context().addCookies([{ name, value, url: process.env.E2E_BASE_URL! }]);
    await page.goto(`/jury/reviews/${world.reviewId}`);
    const letter = world.files.find((f) => f.kind === "nomination letter")!;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Nomination letter" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(letter.name);
    expect(sha(readFileSync((await download.path())!))).toBe(sha(letter.bytes));
  });
});
