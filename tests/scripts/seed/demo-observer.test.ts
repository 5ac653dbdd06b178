// The demo's observer, kept apart from the demo's other tests: it is added last and must leave
// every row those tests check as it was.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "../../../db/client";
import * as login from "../../../app/routes/login";
import * as observe from "../../../app/routes/observe.$editionId._index";
import * as editionPage from "../../../app/routes/secretariat.editions.$editionId._index";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildDemo, DEMO_PASSWORD, type DemoResult } from "../../../scripts/seed/demo";

let dir: string;
let demo: DemoResult;
const previousPath = process.env.DATABASE_PATH;

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "prize-demo-observer-"));
  const path = join(dir, "demo.db");
  demo = await buildDemo(path);
  closeDb();
  process.env.DATABASE_PATH = path;
});

afterAll(() => {
  closeDb();
  process.env.DATABASE_PATH = previousPath;
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo's observer", () => {
  it("signs in with the demo password and reads the 2023 edition, with a note already filed", async () => {
    expect(demo.observerLogin.role).toBe("observer");
    const signedIn = await run(() =>
      login.action(args(request("/login", { form: { email: demo.observerLogin.email, password: DEMO_PASSWORD } }))),
    );
    expect(signedIn.status).toBe(302);
    const cookie = signedIn.headers.get("Set-Cookie")!.split(";")[0];
    const database = db().$client;
    const edition = database.prepare("select id, year from editions where year = 2023").get() as {
      id: string;
      year: number;
    };
    expect(edition.year).toBe(2023);
    const page = await run(() => observe.loader(args(request("/o", { cookie }), { editionId: edition.id })));
    expect(page.status).toBe(200);
    expect((page.body as { note: { text: string } }).note.text).not.toBe("");
    expect(verifyAuditChain().ok).toBe(true);
  });

  it("is listed on the edition's secretariat overview", async () => {
    const database = db().$client;
    const edition = database.prepare("select id from editions where year = 2023").get() as { id: string };
    const staff = database.prepare("select id from users where email = ?").get(demo.logins[0].email) as { id: string };
    const cookie = await cookieFor(staff.id);
    const page = await run(() => editionPage.loader(args(request("/s", { cookie }), { editionId: edition.id })));
    const observers = (page.body as { observers: { email: string; noteFiledAt: number | null }[] }).observers;
    expect(observers).toEqual([expect.objectContaining({ email: demo.observerLogin.email })]);
    expect(observers[0].noteFiledAt).not.toBeNull();
  });
});
