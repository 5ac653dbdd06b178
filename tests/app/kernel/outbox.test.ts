import { eq } from "drizzle-orm";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { outbox } from "../../../db/schema";
import {
  backoffMs,
  deliverDueMail,
  enqueueMail,
  enqueueMails,
  messageIdOf,
  senderFor,
} from "../../../app/kernel/models/outbox.server";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate } from "../../../app/kernel/i18n";

const received: { to: string[]; raw: string }[] = [];
let server: SMTPServer;
let port: number;
let failNext = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        if (failNext > 0) {
          failNext--;
          const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function decode(raw: string) {
  // Bodies are quoted-printable; enough decoding to read the text back.
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describe("outbox", () => {
  it("delivers through a real SMTP server and the message reads back in the recipient's language", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    enqueueMail({
      to: "juror@example.org",
      locale: "fr",
      template: "password_reset",
      vars: { name: "Awa", link: "http://localhost/reset-password/abc", minutes: 60 },
    });
    expect(await deliverDueMail()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["juror@example.org"]);
    const text = Buffer.from(decode(received[0].raw), "latin1").toString("utf8");
    expect(text).toContain("Content-Language: fr");
    expect(text).toContain("http://localhost/reset-password/abc");
    const row = db().select().from(outbox).where(eq(outbox.toAddress, "juror@example.org")).get();
    expect(row).toMatchObject({ state: "sent", attempts: 1, locale: "fr" });
  });

  it("a message sent again after its sender died before marking it sent carries the same Message-ID", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    enqueueMail({
      to: "twice@example.org",
      locale: "en",
      template: "observer_removed",
      vars: { name: "Twice", year: 2026 },
    });
    const from = received.length;
    expect(await deliverDueMail()).toBe(1);
    const row = db().select().from(outbox).where(eq(outbox.toAddress, "twice@example.org")).get()!;
    // The sender was killed after the server took the message and before the row said so.
    db().update(outbox).set({ state: "pending", sentAt: null }).where(eq(outbox.id, row.id)).run();
    expect(await deliverDueMail()).toBe(1);
    const ids = received.slice(from).map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1].trim());
    expect(ids).toEqual([messageIdOf(row.id), messageIdOf(row.id)]);
    expect(messageIdOf(row.id)).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
  });

  it("names the sender by the prize's short name in the recipient's language, at MAIL_FROM's address", () => {
    expect(senderFor("fr", "UNESCO ICT in Education Prize <prize@unesco.org>")).toEqual({
      name: "Prix UNESCO TIC dans l’éducation",
      address: "prize@unesco.org",
    });
    expect(senderFor("en", "prize@example.org")).toEqual({
      name: "UNESCO ICT in Education Prize",
      address: "prize@example.org",
    });
    expect(senderFor("ar", "prize@example.org").name).toBe(translate(catalogues.ar, "app.short_name"));
    expect(senderFor("xx", "Prize <prize@example.org>").name).toBe("UNESCO ICT in Education Prize");
  });

  it("makes the Message-ID's domain from the sender's address", () => {
    expect(messageIdOf("m1", "UNESCO ICT in Education Prize <prize@unesco.org>")).toBe("<m1@unesco.org>");
    expect(messageIdOf("m1", "prize@example.org")).toBe("<m1@example.org>");
    expect(messageIdOf("m1", "no address")).toBe("<m1@localhost>");
  });

  it("keeps a failed message pending and retries it with backoff until it is delivered", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    failNext = 1;
    enqueueMail({
      to: "retry@example.org",
      locale: "en",
      template: "observer_removed",
      vars: { name: "Retry", year: 2026 },
    });
    expect(await deliverDueMail()).toBe(0);
    const pending = db().select().from(outbox).where(eq(outbox.toAddress, "retry@example.org")).get()!;
    expect(pending.state).toBe("pending");
    expect(pending.attempts).toBe(1);
    expect(pending.lastError).toContain("Mailbox temporarily unavailable");
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is sent now; once due, it goes.
    expect(await deliverDueMail()).toBe(0);
    expect(await deliverDueMail(new Date(Date.now() + backoffMs(1) + 1000))).toBe(1);
    expect(db().select().from(outbox).where(eq(outbox.toAddress, "retry@example.org")).get()).toMatchObject({
      state: "sent",
      attempts: 2,
    });
  });

  it("backoff doubles and is capped at one hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });

  it("writes an .eml file when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    enqueueMail({
      to: "file@example.org",
      locale: "ar",
      template: "observer_removed",
      vars: { name: "ليلى", year: 2026 },
    });
    expect(await deliverDueMail()).toBe(1);
    const row = db().select().from(outbox).where(eq(outbox.toAddress, "file@example.org")).get()!;
    expect(row.emlPath).toBeTruthy();
    expect(existsSync(row.emlPath!)).toBe(true);
    const eml = readFileSync(row.emlPath!, "utf8");
    expect(eml).toContain("To: file@example.org");
    // The Arabic name, encoded as a header must be (RFC 2047), then the address.
    const from = /^From: ((?:=\?UTF-8\?B\?\S+\?=\s*)+)<prize@localhost>/m.exec(eml);
    expect(from).not.toBeNull();
    const words = [...from![1].matchAll(/=\?UTF-8\?B\?(\S+?)\?=/g)].map((m) => Buffer.from(m[1], "base64"));
    expect(Buffer.concat(words).toString("utf8")).toBe(translate(catalogues.ar, "app.short_name"));
  });

  it("a copy its sender wrote before dying unmarked is found by the next sender and not written again", async () => {
    delete process.env.SMTP_URL;
    enqueueMail({
      to: "once@example.org",
      locale: "en",
      template: "observer_removed",
      vars: { name: "Once", year: 2026 },
    });
    const queued = db().select().from(outbox).where(eq(outbox.toAddress, "once@example.org")).get()!;
    const path = join(process.env.MAIL_DIR!, `${queued.createdAt.getTime()}-${queued.id}.eml`);
    // A sender killed while writing left part of a copy aside: the next one writes it whole.
    mkdirSync(process.env.MAIL_DIR!, { recursive: true });
    writeFileSync(`${path}.part`, "To: once@exa");
    expect(await deliverDueMail()).toBe(1);
    expect(existsSync(`${path}.part`)).toBe(false);
    expect(readFileSync(path, "utf8")).toContain("To: once@example.org");
    // Killed after the copy was whole and before the row said sent: the copy is kept as it is.
    writeFileSync(path, "the copy the first sender wrote");
    db().update(outbox).set({ state: "pending", sentAt: null, emlPath: null }).where(eq(outbox.id, queued.id)).run();
    expect(await deliverDueMail()).toBe(1);
    expect(readFileSync(path, "utf8")).toBe("the copy the first sender wrote");
    expect(db().select().from(outbox).where(eq(outbox.id, queued.id)).get()).toMatchObject({
      state: "sent",
      emlPath: path,
    });
    expect(readdirSync(process.env.MAIL_DIR!).filter((name) => name.includes(queued.id))).toEqual([basename(path)]);
  });

  it("an e-mail body takes the plural form of its number in the recipient's language (1 hour, 2 heures, ساعتين, 11 ساعة)", () => {
    const body = (to: string, locale: string, hours: number) => {
      enqueueMail({
        to,
        locale,
        template: "registration_confirm",
        vars: { name: "Awa", link: "http://localhost/register/confirm/abc", hours },
      });
      return db().select({ textBody: outbox.textBody }).from(outbox).where(eq(outbox.toAddress, to)).get()!.textBody;
    };
    expect(body("plural-en-1@example.org", "en", 1)).toContain("open this link within 1 hour:");
    expect(body("plural-en-48@example.org", "en", 48)).toContain("open this link within 48 hours:");
    expect(body("plural-fr-1@example.org", "fr", 1)).toContain("ouvrez ce lien dans un délai de 1 heure :");
    expect(body("plural-fr-2@example.org", "fr", 2)).toContain("ouvrez ce lien dans les 2 heures :");
    expect(body("plural-ar-2@example.org", "ar", 2)).toContain("افتح هذا الرابط خلال ساعتين:");
    expect(body("plural-ar-5@example.org", "ar", 5)).toContain("افتح هذا الرابط خلال 5 ساعات:");
    expect(body("plural-ar-11@example.org", "ar", 11)).toContain("افتح هذا الرابط خلال 11 ساعة:");
  });

  it("queues many messages at once, in order, each in its language, leaving out erased addresses", () => {
    const before = db().select().from(outbox).all().length;
    enqueueMails([
      { to: "batch-1@example.org", locale: "fr", template: "observer_removed", vars: { name: "Awa", year: 2026 } },
      { to: "x1@erased.invalid", locale: "en", template: "observer_removed", vars: { name: "Erased", year: 2026 } },
      { to: "batch-2@example.org", locale: "xx", template: "observer_removed", vars: { name: "Omar", year: 2026 } },
    ]);
    const rows = db().select().from(outbox).all().slice(before);
    expect(rows.map((r) => [r.toAddress, r.locale, r.state, r.attempts])).toEqual([
      ["batch-1@example.org", "fr", "pending", 0],
      ["batch-2@example.org", "en", "pending", 0],
    ]);
    expect(rows[0].textBody).toContain("Awa");
    expect(() =>
      enqueueMails([
        { to: "batch-3@example.org", locale: "en", template: "observer_removed", vars: { name: "A", year: 2026 } },
        { to: "batch-4@example.org", locale: "en", template: "no_such_template", vars: {} },
      ]),
    ).toThrow('Unknown e-mail template "no_such_template"');
    expect(db().select().from(outbox).all()).toHaveLength(before + 2);
  });
});
