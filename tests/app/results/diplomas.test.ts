import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "../../../db/client";
import { applications, auditLog, diplomaCodes, users } from "../../../db/schema";
import {
  base58btc,
  didKey,
  fromBase58btc,
  jcs,
  publicKeyOfDidKey,
  signText,
  verifyProof,
  verifyText,
} from "../../../app/kernel/server/signature.server";
import {
  ensureSigningKey,
  publishedKeys,
  rotateSigningKey,
  signingKeysDir,
} from "../../../app/kernel/models/signing-keys.server";
import { CODE_PATTERN, verificationOf } from "../../../app/results/models/diploma-codes.server";
import { revokeDiploma, revokedDiplomas } from "../../../app/results/models/diploma-revocation.server";
import { getEditionBrief, recordDecision } from "../../../app/results/models/decision.server";
import { CREDENTIAL_CONTEXTS, signedBadge } from "../../../app/results/server/badge.server";
import { buildScoredEdition } from "../../fixtures/results";
import { cookieFor, request, run } from "../../fixtures/builders";
import * as applicationPage from "../../../app/routes/applications.$applicationId._index";
import { renderPage } from "../../support/render-page";
import { siteOrigin } from "../../../app/kernel/server/site.server";
import * as diplomaRoute from "../../../app/routes/diplomas.$applicationId";
import * as verifyPage from "../../../app/routes/verify.$code._index";
import * as laureatesPage from "../../../app/routes/laureates.$year";
import * as badgeRoute from "../../../app/routes/verify.$code.badge[.]json";
import * as revocationsRoute from "../../../app/routes/verify.revocations[.]json";
import { darkShare, pdfDrawnLines, pdfText } from "../../fixtures/poppler";

describe("JSON canonicalisation (RFC 8785)", () => {
  it("writes numbers, strings and literals as the RFC's example does", () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(jcs(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts members by their UTF-16 code units, as the RFC's example does", () => {
    const keys = ["\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"];
    // Read from the text: an object would list the integer-like key "1" first whatever the order.
    const text = jcs(Object.fromEntries(keys.map((k) => [k, 0])));
    const order = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    expect(text).toBe(`{${order.map((k) => `${JSON.stringify(k)}:0`).join(",")}}`);
  });

  it("refuses a number JSON cannot carry", () => {
    expect(() => jcs({ a: Infinity })).toThrow();
  });
});

describe("base58btc and did:key", () => {
  it("round-trips bytes with leading zeros", () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255, 128]);
    expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
    expect(base58btc(new TextEncoder().encode("Hello World!"))).toBe("2NEpo7TZRRrLZSi2U");
  });

  it("names an Ed25519 key with a z6Mk did:key that resolves back to the key", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const did = didKey(publicKey);
    expect(did).toMatch(/^did:key:z6Mk/);
    expect(publicKeyOfDidKey(did).export({ format: "jwk" })).toEqual(publicKey.export({ format: "jwk" }));
  });
});

describe("the signing key", () => {
  it("is made once in the data directory, readable by its owner only, and its public half is published", () => {
    const key = ensureSigningKey();
    const path = join(signingKeysDir(), "diploma-signing-key.pem");
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(ensureSigningKey().id).toBe(key.id);
    expect(publishedKeys().map((k) => k.id)).toContain(key.id);
    expect(readFileSync(join(signingKeysDir(), "published-keys.json"), "utf8")).not.toContain("PRIVATE");
  });

  it("signs a text so that it verifies with the public key, and one changed byte fails", () => {
    const key = ensureSigningKey();
    const text = jcs({ code: "ABCDEFGH2345", edition: 2024, laureate: "Łódź School" });
    const signature = signText(text, key.privateKey);
    expect(verifyText(text, signature, key.publicKey)).toBe(true);
    expect(verifyText(text.replace("2024", "2025"), signature, key.publicKey)).toBe(false);
    const flipped = Buffer.from(signature, "base64url");
    flipped[0] ^= 1;
    expect(verifyText(text, flipped.toString("base64url"), key.publicKey)).toBe(false);
  });
});

function statement(code = "ABCDEFGH2345") {
  return {
    code,
    edition: 2024,
    laureate: "École numérique",
    project: "Open schoolbooks",
    country: "FR",
    announcementDate: "2024-04-02",
  };
}

describe("the Open Badges 3.0 credential", () => {
  const key = ensureSigningKey();
  const badge = signedBadge({
    statement: statement(),
    origin: "https://prize.example.org",
    key,
    validFrom: new Date("2024-04-02T10:00:00Z"),
  });

  it("is an OpenBadgeCredential of the VC 2.0 and OB 3.0 contexts with an eddsa-jcs-2022 proof", () => {
    expect(badge["@context"]).toEqual(CREDENTIAL_CONTEXTS);
    expect(badge.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(badge.proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-jcs-2022" });
    expect(badge.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
    expect(badge.issuer.id).toBe(key.did);
  });

  it("verifies with node:crypto by the cryptosuite's steps, from the did:key alone", () => {
    const { proof, ...unsecured } = badge;
    const { proofValue, ...options } = proof;
    const sha = (v: unknown) => createHash("sha256").update(jcs(v)).digest();
    const data = Buffer.concat([sha({ ...options, "@context": badge["@context"] }), sha(unsecured)]);
    const publicKey = publicKeyOfDidKey(proof.verificationMethod);
    expect(verify(null, data, publicKey, fromBase58btc(proofValue!.slice(1)))).toBe(true);
    expect(verifyProof(badge)).toBe(true);
    expect(verifyProof(badge, createPublicKey(publishedKeys().at(-1)!.publicKeyPem))).toBe(true);
  });

  it("fails to verify once one byte of it changes", () => {
    const text = JSON.stringify(badge);
    const at = text.indexOf("Open schoolbooks");
    const tampered = JSON.parse(`${text.slice(0, at)}0${text.slice(at + 1)}`);
    expect(verifyProof(tampered)).toBe(false);
    expect(verifyProof({ ...badge, validFrom: "2020-01-01T00:00:00Z" })).toBe(false);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(verifyProof(badge, other)).toBe(false);
  });
});

async function decided() {
  const f = await buildScoredEdition();
  const laureates = [f.apps[0].app.id, f.apps[1].app.id];
  const announcementAt = new Date(Date.now() + 3600e3);
  const recorded = await recordDecision({
    edition: getEditionBrief({ editionId: f.edition.id })!,
    actorId: f.secretariat.id,
    laureates,
    decisionDate: new Date(),
    announcementAt,
  });
  expect(recorded.ok).toBe(true);
  const codes = db().select().from(diplomaCodes).where(eq(diplomaCodes.editionId, f.edition.id)).all();
  return { f, laureates, codes, after: new Date(announcementAt.getTime() + 1000) };
}

describe("verification codes", () => {
  it("are issued and signed for each laureate with the decision, and shown only from the announcement", async () => {
    const { f, laureates, codes, after } = await decided();
    expect(codes.map((c) => c.applicationId).sort()).toEqual([...laureates].sort());
    for (const c of codes) expect(c.code).toMatch(CODE_PATTERN);
    expect(verificationOf({ code: codes[0].code })).toBeNull();
    const v = verificationOf({ code: codes[0].code, now: after })!;
    expect(v.genuine).toBe(true);
    expect(v.revoked).toBeNull();
    expect(v.statement).toMatchObject({ code: codes[0].code, edition: f.edition.year });
    expect(v.statementText).toBe(jcs(v.statement));
  });

  it("offer the badge in Arabic as one left-to-right name, “Open Badges 3.0 (JSON)”, not “(JSON) Open Badges 3.0”", async () => {
    const { codes, after } = await decided();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(after);
    try {
      const res = await run(() =>
        verifyPage.loader({ request: request("/x"), params: { code: codes[0].code }, context: {} } as never),
      );
      expect(res.status).toBe(200);
      const html = renderPage(verifyPage.default, { locale: "ar", data: res.body, path: `/verify/${codes[0].code}` });
      expect(html).toContain("\u2066Open Badges 3.0 (JSON)\u2069</a>");
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not know a code it never issued", async () => {
    const { after } = await decided();
    expect(verificationOf({ code: "ZZZZZZZZZZZZ", now: after })).toBeNull();
    expect(verificationOf({ code: "../../etc", now: after })).toBeNull();
  });

  it("reports a statement edited in the database as not genuine", async () => {
    const { codes, after } = await decided();
    const edited = codes[0].statement.replace(/"laureate":"[^"]*"/, '"laureate":"Someone else"');
    db().update(diplomaCodes).set({ statement: edited }).where(eq(diplomaCodes.code, codes[0].code)).run();
    expect(verificationOf({ code: codes[0].code, now: after })!.genuine).toBe(false);
  });

  it("still verifies a diploma signed before the key was rotated", async () => {
    const { codes, after } = await decided();
    const before = ensureSigningKey();
    const next = rotateSigningKey();
    expect(next.id).not.toBe(before.id);
    const retired = publishedKeys().find((k) => k.id === before.id)!;
    expect(retired.validUntil).not.toBeNull();
    expect(verificationOf({ code: codes[0].code, now: after })!.genuine).toBe(true);
  });

  it("are revoked once, with a reason, and audited in the same transaction", async () => {
    const { f, codes, after } = await decided();
    expect(revokeDiploma({ code: codes[0].code, actorId: f.secretariat.id, reason: "  " })).toMatchObject({
      ok: false,
      error: "errors.revocation_reason_required",
    });
    const at = new Date(after.getTime() + 5000);
    expect(revokeDiploma({ code: codes[0].code, actorId: f.secretariat.id, reason: "Plagiarism", now: at }).ok).toBe(
      true,
    );
    expect(verificationOf({ code: codes[0].code, now: after })!.revoked).toEqual({ at, reason: "Plagiarism" });
    expect(revokeDiploma({ code: codes[0].code, actorId: f.secretariat.id, reason: "Again" })).toMatchObject({
      error: "errors.diploma_already_revoked",
    });
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "diploma.revoked"), eq(auditLog.objectId, codes[0].applicationId)))
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ code: codes[0].code, reason: "Plagiarism" });
  });
});

describe("a revoked diploma", () => {
  it("is no longer given out: the PDF answers 404, and the laureate's page says when and why instead of offering it", async () => {
    const { f, codes, after } = await decided();
    const laureate = f.apps[0];
    const code = codes.find((c) => c.applicationId === laureate.app.id)!.code;
    const cookie = await cookieFor(laureate.applicant.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(after);
    try {
      const pdf = () =>
        run(() =>
          diplomaRoute.loader({
            request: request("/x", { cookie }),
            params: { applicationId: laureate.app.id },
            context: {},
          } as never),
        );
      const page = async () =>
        (
          (
            await run(() =>
              applicationPage.loader({
                request: request(`/applications/${laureate.app.id}`, { cookie }),
                params: { applicationId: laureate.app.id },
                context: {},
              } as never),
            )
          ).body as { laureate: { diploma: boolean; revoked: { at: number; reason: string } | null } }
        ).laureate;
      expect((await pdf()).status).toBe(200);
      expect(await page()).toMatchObject({ diploma: true, revoked: null });
      const at = new Date(after.getTime() - 1000);
      expect(revokeDiploma({ code, actorId: f.secretariat.id, reason: "Plagiarism", now: at }).ok).toBe(true);
      expect((await pdf()).status).toBe(404);
      expect(await page()).toMatchObject({ diploma: false, revoked: { at: at.getTime(), reason: "Plagiarism" } });
      const shown = await run(() =>
        applicationPage.loader({
          request: request(`/applications/${laureate.app.id}`, { cookie }),
          params: { applicationId: laureate.app.id },
          context: {},
        } as never),
      );
      const html = renderPage(applicationPage.default, {
        locale: "fr",
        data: shown.body,
        path: `/applications/${laureate.app.id}`,
      });
      expect(html).toContain("Révoqué par le secrétariat le");
      expect(html).toContain("<bdi>Plagiarism</bdi>");
      expect(html).not.toContain(`/diplomas/${laureate.app.id}`);
      // The edition's laureates page no longer offers it either: it says so, and keeps the verification link.
      const year = f.edition.year;
      const archive = await run(() =>
        laureatesPage.loader({
          request: request(`/laureates/${year}`, { cookie }),
          params: { year: String(year) },
          context: {},
        } as never),
      );
      const listed = renderPage(laureatesPage.default, {
        locale: "en",
        data: archive.body,
        path: `/laureates/${year}`,
      });
      expect(listed).not.toContain(`/diplomas/${laureate.app.id}`);
      expect(listed).toContain("Diploma revoked by the secretariat on");
      expect(listed).toContain(`/verify/${code}`);
      // The other laureate's diploma is untouched.
      const other = f.apps[1];
      const otherCookie = await cookieFor(other.applicant.id);
      const otherPdf = await run(() =>
        diplomaRoute.loader({
          request: request("/x", { cookie: otherCookie }),
          params: { applicationId: other.app.id },
          context: {},
        } as never),
      );
      expect(otherPdf.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the revocation list", () => {
  async function json(loader: (args: never) => Promise<Response>, params: Record<string, string> = {}) {
    const response = await loader({ request: request("/x"), params, context: {} } as never);
    expect(response.status).toBe(200);
    return JSON.parse(await response.text());
  }

  it("is where a badge's status points, and names the badge once its diploma is revoked", async () => {
    const { f, codes, after } = await decided();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(after);
    try {
      const badge = await json(badgeRoute.loader, { code: codes[0].code });
      expect(badge.credentialStatus).toEqual({
        id: `${siteOrigin()}/verify/revocations.json`,
        type: "1EdTechRevocationList",
      });
      const before = await json(revocationsRoute.loader);
      expect(before.id).toBe(badge.credentialStatus.id);
      expect(before.revokedCredentials.map((c: { id: string }) => c.id)).not.toContain(badge.id);

      expect(revokeDiploma({ code: codes[0].code, actorId: f.secretariat.id, reason: "Awarded in error" }).ok).toBe(
        true,
      );
      const list = await json(revocationsRoute.loader);
      expect(list.issuer).toBe(badge.issuer.id);
      expect(list.revokedCredentials).toContainEqual({
        id: badge.id,
        revoked: true,
        revocationReason: "Awarded in error",
      });
      const other = `${siteOrigin()}/verify/${codes[1].code}/badge.json`;
      expect(list.revokedCredentials.map((c: { id: string }) => c.id)).not.toContain(other);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names no diploma of an edition not announced yet", async () => {
    const { f, codes } = await decided();
    expect(revokeDiploma({ code: codes[0].code, actorId: f.secretariat.id, reason: "Awarded in error" }).ok).toBe(true);
    expect(revokedDiplomas().map((r) => r.code)).not.toContain(codes[0].code);
  });
});

describe("the diploma PDF", () => {
  async function download(lang: "en" | "fr" | "ar", laureate?: { organisation: string; title: string }) {
    const { f, codes, after } = await decided();
    if (laureate) db().update(applications).set(laureate).where(eq(applications.id, f.apps[0].app.id)).run();
    db().update(users).set({ locale: lang }).where(eq(users.id, f.apps[0].applicant.id)).run();
    const cookie = await cookieFor(f.apps[0].applicant.id);
    const code = codes.find((c) => c.applicationId === f.apps[0].app.id)!.code;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(after);
    try {
      const args = { request: request("/x", { cookie }), params: { applicationId: f.apps[0].app.id }, context: {} };
      const response = (await diplomaRoute.loader(args as never)) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = new Uint8Array(await response.arrayBuffer());
      return { f, code, pdf, lines: pdfText(pdf), drawn: pdfDrawnLines(pdf) };
    } finally {
      vi.useRealTimers();
    }
  }

  it("prints the verification URL from the configured origin and draws its QR code", async () => {
    const { code, pdf, lines } = await download("en");
    expect(lines).toContain(`${siteOrigin()}/verify/${code}`);
    expect(lines).toContain("is awarded to");
    expect(darkShare(pdf)).toBeGreaterThan(0.02);
  });

  it("is written in French for a French reader", async () => {
    const { lines } = await download("fr");
    expect(lines).toContain("est décerné à");
  });

  it("is written in Arabic, right to left, for an Arabic reader, under 300 kB", async () => {
    const { f, pdf, lines } = await download("ar");
    expect(lines).toContain("منظمة الأمم المتحدة للتربية والعلم والثقافة");
    expect(lines).toEqual(expect.arrayContaining(["المدير العام لليونسكو", "رئيس لجنة التحكيم الدولية"]));
    expect(lines.join("\n")).toContain(f.apps[0].app.organisation || f.apps[0].app.title);
    expect(pdf.byteLength).toBeLessThan(300_000);
  });

  it("draws a Latin name and title whole in the Arabic diploma, their closing brackets where they were typed", async () => {
    const { drawn } = await download("ar", {
      organisation: "Fondation pour l’apprentissage ouvert (France)",
      title: "Écoles ouvertes (phase 2)",
    });
    expect(drawn).toContain("Fondation pour l’apprentissage ouvert (France)");
    // The title to the left of the Arabic that introduces it, inside the guillemets as drawn
    // (mirrored, as in any right-to-left text); the Arabic words' letters come reversed.
    expect(drawn.find((line) => line.includes("Écoles"))).toMatch(/^«Écoles ouvertes \(phase 2\)» /);
  });
});
