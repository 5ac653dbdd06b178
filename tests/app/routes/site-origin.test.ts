// E-mail links come from the configured origin, never from the request that caused them: a
// forged Host or X-Forwarded-Host must not turn a genuine reset or invitation link into a link
// to another site.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { decisions, outbox } from "../../../db/schema";
import * as forgotPassword from "../../../app/routes/forgot-password";
import * as secretariatInvitations from "../../../app/routes/secretariat.invitations";
import * as secretariatDeliberation from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import { runScheduledJobs } from "../../../app/startup.server";
import { hashPassword } from "../../../app/accounts/server/password.server";
import { cookieFor, makeUser, PASSWORD } from "../../fixtures/builders";
import { publishPair, seedJuryScenario } from "../../fixtures/jury";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});
const saved = { PUBLIC_URL: process.env.PUBLIC_URL, PORT: process.env.PORT };

/**
 * A request as a forger would send it: the URL (built by the server from Host) and forwarded headers on another site.
 */
function forged(path: string, form: Record<string, string>, cookie?: string): Request {
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Host: "evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "https",
    Origin: "http://evil.example",
  });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://evil.example${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(form).toString(),
  });
}

function mailTo(address: string, template: string) {
  return db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, address), eq(outbox.template, template)))
    .get();
}

function restore(name: keyof typeof saved) {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
}

beforeEach(() => {
  delete process.env.PUBLIC_URL;
  delete process.env.PORT;
});
afterEach(() => {
  restore("PUBLIC_URL");
  restore("PORT");
});

describe("links in e-mails use the configured origin whatever the request's host", () => {
  it("a password reset asked through a forged host links to PUBLIC_URL", async () => {
    process.env.PUBLIC_URL = "https://prize.example.org";
    const user = await makeUser({ email: "victim@example.org" });
    await forgotPassword.action(args(forged("/forgot-password", { email: user.email })));
    const mail = mailTo(user.email, "password_reset")!;
    expect(mail.textBody).toMatch(/https:\/\/prize\.example\.org\/reset-password\/[\w-]+/);
    expect(mail.textBody).not.toContain("evil.example");
  });

  it("without PUBLIC_URL a password reset links to localhost on the configured port", async () => {
    process.env.PORT = "4567";
    const user = await makeUser({ email: "victim2@example.org" });
    await forgotPassword.action(args(forged("/forgot-password", { email: user.email })));
    const mail = mailTo(user.email, "password_reset")!;
    expect(mail.textBody).toContain("http://localhost:4567/reset-password/");
    expect(mail.textBody).not.toContain("evil.example");
  });

  it("an invitation sent through a forged host links to PUBLIC_URL", async () => {
    process.env.PUBLIC_URL = "https://prize.example.org";
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const res = await secretariatInvitations.action(
      args(
        forged(
          "/secretariat/invitations",
          { role: "secretariat", name: "Colleague", email: "colleague@example.org", locale: "en" },
          await cookieFor(secretariat.id),
        ),
      ),
    );
    expect((res as Response).status).toBe(302);
    const mail = mailTo("colleague@example.org", "invitation")!;
    expect(mail.textBody).toContain("https://prize.example.org/invitations/");
    expect(mail.textBody).not.toContain("evil.example");
  });

  it("the deliberation opened through a forged host links each juror to their ballot on PUBLIC_URL", async () => {
    process.env.PUBLIC_URL = "https://prize.example.org";
    const f = await buildScoredEdition();
    const form: Record<string, string> = { intent: "open", tieBreak: "jury" };
    for (const { app } of f.apps.slice(0, 4)) form[`s_${app.id}`] = "on";
    const res = await secretariatDeliberation.action(
      args(forged(`/secretariat/editions/${f.edition.id}/deliberation`, form, await cookieFor(f.secretariat.id)), {
        editionId: f.edition.id,
      }),
    );
    expect((res as Response).status).toBe(302);
    const mail = mailTo(f.jurors[0].user.email, "deliberation_opened")!;
    expect(mail.textBody).toContain(`https://prize.example.org/jury/${f.edition.id}/ballot`);
    expect(mail.textBody).not.toContain("evil.example");
  });
});

describe("scheduled jobs use the same configured origin", () => {
  it("reminders and announcements sent by the timer link to localhost on a non-default PORT", async () => {
    process.env.PORT = "4567";
    const s = seedJuryScenario(db(), {
      passwordHash: await hashPassword(PASSWORD),
      year: 4711,
      scoringClosesInDays: 1,
    });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const f = await buildScoredEdition();
    db()
      .insert(decisions)
      .values({
        editionId: f.edition.id,
        laureates: [f.apps[0].app.id],
        decidedAt: new Date(Date.now() - 60_000),
        announcementAt: new Date(Date.now() - 1000),
      })
      .run();

    await runScheduledJobs({ warm: false });

    const reminder = mailTo(s.jurors[0].email, "jury_reminder")!;
    expect(reminder.textBody).toContain("http://localhost:4567/");
    const announcement = mailTo(f.apps[0].applicant.email, "results_laureate")!;
    expect(announcement.textBody).toContain(`http://localhost:4567/laureates/${f.edition.year}`);
    expect(reminder.textBody + announcement.textBody).not.toContain("localhost:3000");
  });
});
