// A diploma's public verification page in English, French and Arabic (accessible, EcoIndex A,
// with and without JavaScript), an unknown code's 404, and the secretariat's revocation with its
// confirmation step, after which the page says the diploma is revoked and why. The decision and
// the codes are written straight into the e2e database, signed with the server's own key as the
// decision's transaction signs them.
import { expect, test } from "@playwright/test";
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { jcs } from "../../app/kernel/server/signature.server";
import { e2eDb } from "./support/db";
import { secretariatStatePath, setLanguage } from "./support/session";
import { checkPage, LANGS } from "./support/sweep";
import { seedScoredEdition, type SeededEdition } from "./results-seed";

let seeded: SeededEdition;
const codes: string[] = [];

function newCode(): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  return Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * 32)]).join("");
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  seeded = await seedScoredEdition(`verify-${test.info().project.name}`);
  const keyFile = join(dirname(process.env.E2E_DATABASE_PATH!), "keys", "diploma-signing-key.pem");
  const privateKey = createPrivateKey(readFileSync(keyFile));
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: "jwk" }).x!, "base64url");
  const keyId = createHash("sha256").update(raw).digest("hex").slice(0, 16);
  const db = e2eDb();
  const now = Date.now();
  const laureates = seeded.apps.slice(0, 2);
  db.transaction(() => {
    db.prepare(
      `insert into decisions (id, edition_id, laureates, decision_date, decided_at, announcement_at, announced_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ).run(randomUUID(), seeded.editionId, JSON.stringify(laureates.map((a) => a.id)), now, now, now - 1000, now);
    db.prepare("update editions set phase = 'announced' where id = ?").run(seeded.editionId);
    for (const app of laureates) {
      const code = newCode();
      codes.push(code);
      const statement = jcs({
        code,
        edition: seeded.year,
        laureate: app.title,
        project: app.title,
        country: "KE",
        announcementDate: new Date(now).toISOString().slice(0, 10),
      });
      const signature = sign(null, Buffer.from(statement), privateKey).toString("base64url");
      db.prepare(
        `insert into diploma_codes (code, application_id, edition_id, statement, key_id, signature, created_at)
         values (?, ?, ?, ?, ?, ?, ?)`,
      ).run(code, app.id, seeded.editionId, statement, keyId, signature, now);
    }
  })();
});

const UNKNOWN = { en: "No such diploma", fr: "Aucun diplôme de ce code", ar: "لا توجد شهادة بهذا الرمز" };
const GENUINE = { en: "Genuine", fr: "Authentique", ar: "شهادة أصلية" };

for (const lang of LANGS) {
  test(`a diploma's verification page says it is genuine, accessibly and lightly, in ${lang}`, async ({ context }) => {
    await setLanguage(context, lang);
    await checkPage(context, `/verify/${codes[0]}`, lang, {
      also: async (shown) => {
        await expect(shown.locator(".verify-status")).toContainText(GENUINE[lang]);
        await expect(shown.locator("pre").first()).toContainText(`"code":"${codes[0]}"`);
      },
    });
  });

  test(`an unknown code answers a 404 that says there is no such diploma, in ${lang}`, async ({ context }) => {
    await setLanguage(context, lang);
    await checkPage(context, "/verify/ZZZZZZZZZZZZ", lang, {
      status: 404,
      also: async (shown) => await expect(shown.locator("h1")).toHaveText(UNKNOWN[lang]),
    });
  });
}

test("the badge of a genuine diploma is an OpenBadgeCredential with an eddsa-jcs-2022 proof", async ({ request }) => {
  const response = await request.get(`/verify/${codes[0]}/badge.json`);
  expect(response.status()).toBe(200);
  const badge = (await response.json()) as { type: string[]; proof: { cryptosuite: string } };
  expect(badge.type).toContain("OpenBadgeCredential");
  expect(badge.proof.cryptosuite).toBe("eddsa-jcs-2022");
  const keys = (await (await request.get("/verify/key")).json()) as { keys: { publicKeyPem: string }[] };
  expect(keys.keys.length).toBeGreaterThan(0);
});

test.describe("revocation", () => {
  test.use({ storageState: secretariatStatePath() });

  test("the secretariat revokes a diploma with a reason and a confirmation, and the page then says so", async ({
    page,
  }) => {
    await setLanguage(page, "en");
    await page.goto(`/verify/${codes[1]}`);
    await page.getByRole("link", { name: "Revoke this diploma" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("[aria-invalid=true]")).toHaveCount(1);
    await page.getByLabel("Reason (shown to anyone who checks the diploma)").fill("Awarded in error");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText(`Revoke diploma ${codes[1]}`)).toBeVisible();
    await page.getByRole("button", { name: "Revoke the diploma" }).click();
    await expect(page).toHaveURL(new RegExp(`/verify/${codes[1]}$`));
    await expect(page.locator(".verify-status")).toContainText("Revoked");
    await expect(page.getByText("Awarded in error")).toBeVisible();
    await expect(page.getByRole("link", { name: "Revoke this diploma" })).toHaveCount(0);
    const badge = await page.request.get(`/verify/${codes[1]}/badge.json`);
    expect(badge.status()).toBe(410);
    const audit = e2eDb()
      .prepare("select count(*) as n from audit_log where action = 'diploma.revoked' and object_id = ?")
      .get(seeded.apps[1].id) as { n: number };
    expect(audit.n).toBe(1);
  });
});
