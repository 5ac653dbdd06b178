// Body fuzzing: every action of the build (with the attack world's ids) receives malformed
// bodies — not a form, a broken form, huge, repeated, odd intents, odd characters — as a role
// allowed to act (so the body is really read) and as a visitor. Nothing may answer 5xx, the
// server stays up, and its log gets no stack trace. HTTP only, so it runs in the js project alone.
import { expect, test } from "@playwright/test";
import { statSync, readFileSync } from "node:fs";
import { TABLE } from "./support/attack-table";
import { baseOrigin, builtRoutes, inBatches, seedWorld, sessionFor, type Role } from "./support/world";

interface Body {
  name: string;
  contentType: string | null;
  body: Uint8Array;
  headers?: Record<string, string>;
}

const BOUNDARY = "----attackSuiteBoundary7MA4YWxkTrZu0gW";
const enc = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const urlencoded = (pairs: [string, string][]) => enc(new URLSearchParams(pairs).toString());
const part = (name: string, value: string, filename?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/octet-stream` : ""}\r\n\r\n${value}\r\n`;

/** Pseudo-random bytes from a fixed seed: the same garbage on every run. */
function garbage(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const VISITOR_SAMPLE = new Set(["JSON", "no Content-Type", "garbage bytes as multipart", "a 1 MB field (url-encoded)"]);

const made = new Map<string, Body[]>();
function bodies(intent: string): Body[] {
  if (!made.has(intent)) made.set(intent, makeBodies(intent));
  return made.get(intent)!;
}

function makeBodies(intent: string): Body[] {
  const form = `intent=${encodeURIComponent(intent)}&name=x&comment=y`;
  const multipart = `${part("intent", intent)}${part("name", "x")}--${BOUNDARY}--\r\n`;
  const mp = `multipart/form-data; boundary=${BOUNDARY}`;
  const ue = "application/x-www-form-urlencoded";
  const loneSurrogate = new Uint8Array([...enc(`intent=${intent}&name=`), 0xed, 0xa0, 0x80, ...enc("&comment=")]);
  return [
    {
      name: "JSON",
      contentType: "application/json",
      body: enc(JSON.stringify({ intent, name: "x", nested: { a: [1, 2] } })),
    },
    { name: "invalid JSON", contentType: "application/json", body: enc(`{"intent": "${intent}", "name": `) },
    { name: "text/plain", contentType: "text/plain", body: enc(form) },
    {
      name: "XML",
      contentType: "application/xml",
      body: enc(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><form><intent>${intent}</intent>&e;</form>`),
    },
    { name: "no Content-Type", contentType: null, body: enc(form) },
    { name: "multipart without boundary", contentType: "multipart/form-data", body: enc(multipart) },
    {
      name: "multipart with a wrong boundary",
      contentType: "multipart/form-data; boundary=not-the-boundary",
      body: enc(multipart),
    },
    { name: "truncated multipart", contentType: mp, body: enc(multipart.slice(0, Math.floor(multipart.length / 2))) },
    { name: "garbage bytes as url-encoded", contentType: ue, body: garbage(4096, 1) },
    { name: "garbage bytes as multipart", contentType: mp, body: garbage(4096, 2) },
    { name: "gzip-claimed plain body", contentType: ue, body: enc(form), headers: { "Content-Encoding": "gzip" } },
    {
      name: "a 1 MB field (url-encoded)",
      contentType: ue,
      body: urlencoded([
        ["intent", intent],
        ["name", "a".repeat(1_000_000)],
        ["comment", "b".repeat(1_000_000)],
      ]),
    },
    {
      name: "a 1 MB field (multipart)",
      contentType: mp,
      body: enc(`${part("intent", intent)}${part("name", "a".repeat(1_000_000))}--${BOUNDARY}--\r\n`),
    },
    {
      name: "1,000 repeated fields",
      contentType: ue,
      body: urlencoded([["intent", intent], ...Array.from({ length: 1000 }, (): [string, string] => ["name", "x"])]),
    },
    {
      name: "an unknown intent",
      contentType: ue,
      body: urlencoded([
        ["intent", "no-such-intent"],
        ["name", "x"],
      ]),
    },
    { name: "no intent", contentType: ue, body: urlencoded([["name", "x"]]) },
    { name: "an empty body", contentType: ue, body: new Uint8Array() },
    {
      name: "the intent sent as a file",
      contentType: mp,
      body: enc(`${part("intent", intent, "intent.txt")}${part("name", "x", "name.pdf")}--${BOUNDARY}--\r\n`),
    },
    { name: "a lone surrogate as raw bytes", contentType: ue, body: loneSurrogate },
    {
      name: "a lone surrogate percent-encoded",
      contentType: ue,
      body: enc(`intent=${intent}&name=%ED%A0%80&comment=%F0%9F`),
    },
    {
      name: "NUL and control characters",
      contentType: ue,
      body: urlencoded([
        ["intent", intent],
        ["name", "a\u0000b\u0001\u001f"],
        ["comment", "\u0000"],
        ["\u0000", "x"],
      ]),
    },
    {
      name: "RTL override, zero-width characters and unicode field names",
      contentType: ue,
      body: urlencoded([
        ["intent", `${intent}\u202E`],
        ["name", "\u202Egnp.exe\u200B\uFEFF"],
        ["comment", "\u2066x\u2069"],
        ["نام", "x"],
        ["😀", "y"],
      ]),
    },
    {
      name: "10,000 emoji",
      contentType: ue,
      body: urlencoded([
        ["intent", intent],
        ["name", "😀".repeat(10_000)],
        ["comment", "👩🏽‍🔬".repeat(2_000)],
      ]),
    },
  ];
}

test("malformed bodies on every action, as a role allowed to act and as a visitor, never get a 5xx nor log a stack trace", async () => {
  test.setTimeout(180_000);
  const log = process.env.E2E_SERVER_LOG;
  if (!log) throw new Error("E2E_SERVER_LOG is not set: is tests/e2e/global-setup.ts running?");
  const logStart = statSync(log).size;
  const world = await seedWorld("fuzz");
  const routes = (await builtRoutes()).filter((r) => r.hasAction);
  const missing = routes.filter((r) => !TABLE[r.id]?.post).map((r) => r.id);
  expect(missing, "actions without a row (and intents) in tests/e2e/support/attack-table.ts").toEqual([]);
  const origin = baseOrigin();
  const base = process.env.E2E_BASE_URL!;
  const jobs: { label: string; url: string; role: Role; b: Body; logout: boolean }[] = [];
  for (const route of routes) {
    const row = TABLE[route.id];
    const intent = row.post!.intents.find((i) => i !== null) ?? "save";
    // The first role allowed to act with any intent reads the body; else whoever sees the page.
    const actor =
      row.post!.intents.flatMap((i) => row.post!.act(i)).find((r) => r !== "visitor") ??
      (Object.entries(row.get).find(([r, o]) => r !== "visitor" && o === 200)?.[0] as Role | undefined) ??
      "secretariat";
    const url = row.path(world);
    const all = bodies(intent);
    for (const b of all)
      jobs.push({
        label: `${actor}: POST ${url} with ${b.name}`,
        url,
        role: actor,
        b,
        logout: route.id === "routes/logout",
      });
    // A visitor's post is read only where a visitor may act (sign-in, registration...); elsewhere
    // it is refused before its body is touched, and a few kinds of body show that is so.
    const visitorReads = row.post!.intents.some((i) => row.post!.act(i).includes("visitor"));
    const forVisitor = visitorReads ? all : all.filter((b) => VISITOR_SAMPLE.has(b.name));
    for (const b of forVisitor)
      jobs.push({ label: `visitor: POST ${url} with ${b.name}`, url, role: "visitor", b, logout: false });
  }
  const failures: string[] = [];
  await inBatches(jobs, 8, async (job) => {
    // Signing out ends the session it is sent with: a throwaway one keeps the role's.
    const cookie =
      job.role === "visitor" ? "" : job.logout ? await sessionFor(world.userIds[job.role]) : world.cookies[job.role];
    const headers: Record<string, string> = {
      Origin: origin,
      ...(job.b.contentType ? { "Content-Type": job.b.contentType } : {}),
      ...(job.b.headers ?? {}),
      ...(cookie ? { Cookie: cookie } : {}),
    };
    try {
      const res = await fetch(new URL(job.url, base), {
        method: "POST",
        headers,
        body: job.b.body as unknown as BodyInit,
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      });
      await res.arrayBuffer();
      if (res.status >= 500) failures.push(`${job.label}: answered ${res.status}`);
    } catch (error) {
      // A reset or stalled connection: the client never saw an answer.
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
      failures.push(`${job.label}: no answer: ${error instanceof Error ? error.message : String(error)}${cause}`);
    }
  });
  expect(failures, `5xx or dropped connections:\n${failures.join("\n")}`).toEqual([]);

  const health = await fetch(new URL("/healthz", base));
  expect(health.status, "the server is still up").toBe(200);
  await new Promise((r) => setTimeout(r, 500)); // the log is piped: let the last lines land
  const grown = readFileSync(log).subarray(logStart).toString("utf8");
  const traces = grown.split("\n").filter((line) => /^\s{4}at /.test(line));
  expect(traces, `stack traces in the server log during the run:\n${grown.slice(0, 4000)}`).toEqual([]);
});
