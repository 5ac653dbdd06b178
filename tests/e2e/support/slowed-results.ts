// A server of its own, on its own copy of the demo whose 2023 edition's scoring closed yesterday
// (so its results page computes the results), with a worker slowed as `extraEnv` says: how the
// specs see the results pages while something is being computed (decisions 021, 036 and 046).
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { buildDemoAt } from "./demo";
import { startServer, type StartedServer } from "./server";
import { sessionFor } from "./world";
import type { Lang } from "./sweep";

export interface SlowedResults {
  server: StartedServer;
  /** The demo secretariat's session cookie ("name=value; …"). */
  secretariatCookie: string;
  secretariatId: string;
  /** The 2023 edition, whose scoring has closed. */
  editionId: string;
}

export async function startSlowedResults(extraEnv: Record<string, string>): Promise<SlowedResults> {
  let secretariatCookie = "";
  let secretariatId = "";
  let editionId = "";
  const server = await startServer({
    prepare: async (env) => {
      const demo = buildDemoAt(env.DATABASE_PATH);
      const db = new Database(env.DATABASE_PATH);
      try {
        const email = demo.logins.find((l) => l.role === "secretariat")!.email;
        const user = db.prepare("select id from users where email = ?").get(email) as { id: string };
        secretariatId = user.id;
        secretariatCookie = await sessionFor(user.id, db);
        editionId = (db.prepare("select id from editions where year = 2023").get() as { id: string }).id;
        db.prepare("update editions set scoring_closes_at = ? where id = ?").run(Date.now() - 864e5, editionId);
      } finally {
        db.close();
      }
    },
    extraEnv: { MAIL_INTERVAL_MS: "3600000", JOBS_INTERVAL_MS: "3600000", ...extraEnv },
  });
  return { server, secretariatCookie, secretariatId, editionId };
}

/** Signs the page's context in as the demo secretariat. */
export async function signInSecretariat(page: Page, s: SlowedResults): Promise<void> {
  const [name, value] = s.secretariatCookie.split(";")[0].split("=");
  await page.context().addCookies([{ name, value, url: s.server.baseURL }]);
}

/** The secretariat's results page of the slowed server's edition. */
export function slowedResultsUrl(s: SlowedResults): string {
  return `${s.server.baseURL}/secretariat/editions/${s.editionId}/results`;
}

/**
 * Asks the results page as the secretariat until it is a page (200), not the "computing" page:
 * what the worker is not told to hold (a second or so; longer on a busy machine) is then there,
 * and every page asked next shows what it does hold as on its way.
 */
export async function untilResultsShown(s: SlowedResults, what: string): Promise<void> {
  const headers = { Cookie: s.secretariatCookie.split(";")[0] };
  for (let i = 0; i < 120; i++) {
    const answer = await fetch(slowedResultsUrl(s), { headers, redirect: "manual" });
    await answer.arrayBuffer();
    if (answer.status === 200) return;
    if (answer.status !== 503) throw new Error(`the results page answered ${answer.status}`);
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`${what} was not computed within two minutes`);
}

/** The secretariat's language: the pages take it from the profile. */
export function setSecretariatLanguage(s: SlowedResults, lang: Lang): void {
  const db = new Database(s.server.env.DATABASE_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update users set locale = ? where id = ?").run(lang, s.secretariatId);
  } finally {
    db.close();
  }
}
