import { redirect, data, type ActionFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { db } from "../../../db/client";
import { auditLog, formTokens } from "../../../db/schema";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { FORM_TOKEN_TTL_MS } from "../../../app/kernel/models/form-tokens.server";
import { createRetrySafe, newFormSeed } from "../../../app/kernel/server/retry-safe.server";
import { readForm } from "../../../app/kernel/forms/validate.server";

// The signed-in user, as the accounts area would name them; a test header stands in for the session.
const retrySafe = createRetrySafe(async (request) => request.headers.get("X-Test-User"));

let runs = 0;
/** An action that records one audit row per run and answers with a redirect naming the run. */
const create = retrySafe(async ({ request }: ActionFunctionArgs) => {
  const form = await readForm(request);
  if (!form.get("title")) return data({ errors: { title: { message: "errors.required" } } }, { status: 400 });
  runs += 1;
  const run = runs;
  db().transaction((tx) => writeAudit({ actorId: null, action: "test.created", objectType: "test" }, tx));
  return redirect(`/things/${run}`);
});

const token = () => `${newFormSeed()}:R1:`;
const post = (fields: Record<string, string>, user: string | null = "user-1") =>
  ({
    request: new Request("http://localhost/things", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: user ? { "X-Test-User": user } : {},
    }),
    params: {},
    context: {},
  }) as ActionFunctionArgs;
const created = () => db().select().from(auditLog).where(eq(auditLog.action, "test.created")).all().length;
const locationOf = (answer: unknown) => (answer as Response).headers.get("Location");

describe("retry-safe posts", () => {
  it("a second post with the same token does not run the action again and gets the first answer", async () => {
    const before = created();
    const formToken = token();
    const first = await create(post({ formToken, title: "A" }));
    const second = await create(post({ formToken, title: "A" }));
    expect(created()).toBe(before + 1);
    expect(locationOf(second)).toBe(locationOf(first));
    expect((second as Response).status).toBe(302);
  });

  it("two posts of one double click arriving together change things once", async () => {
    const before = created();
    const formToken = token();
    const answers = await Promise.all([
      create(post({ formToken, title: "B" })),
      create(post({ formToken, title: "B" })),
    ]);
    expect(created()).toBe(before + 1);
    expect(locationOf(answers[1])).toBe(locationOf(answers[0]));
  });

  it("an upload posted twice (its token first, as every form renders it) changes things once", async () => {
    const before = created();
    const formToken = token();
    const upload = () => {
      const body = new FormData();
      body.append("formToken", formToken);
      body.append("title", "U");
      body.append("file", new Blob([new Uint8Array(256 * 1024).fill(0x25)]), "report.pdf");
      return {
        request: new Request("http://localhost/things", { method: "POST", body, headers: { "X-Test-User": "user-1" } }),
        params: {},
        context: {},
      } as ActionFunctionArgs;
    };
    const first = await create(upload());
    const second = await create(upload());
    expect(created()).toBe(before + 1);
    expect(locationOf(second)).toBe(locationOf(first));
  });

  it("another user's post with the same token runs for that user", async () => {
    const before = created();
    const formToken = token();
    const mine = await create(post({ formToken, title: "C" }, "user-1"));
    const theirs = await create(post({ formToken, title: "C" }, "user-2"));
    expect(created()).toBe(before + 2);
    expect(locationOf(theirs)).not.toBe(locationOf(mine));
  });

  it("posts without a token, or from nobody signed in, run every time as before", async () => {
    const before = created();
    await create(post({ title: "D" }));
    await create(post({ title: "D" }));
    const formToken = token();
    await create(post({ formToken, title: "D" }, null));
    await create(post({ formToken, title: "D" }, null));
    expect(created()).toBe(before + 4);
  });

  it("a refused post changes nothing and keeps its token usable for the corrected post", async () => {
    const before = created();
    const formToken = token();
    const refused = await create(post({ formToken, title: "" }));
    expect(refused).toMatchObject({ data: { errors: { title: {} } } });
    const accepted = await create(post({ formToken, title: "E" }));
    expect(created()).toBe(before + 1);
    expect(locationOf(accepted)).toMatch(/^\/things\/\d+$/);
  });

  it("a token the server stored with its answer and its change in the same transaction is the only trace", async () => {
    const formToken = token();
    await create(post({ formToken, title: "F" }));
    const row = db().select().from(formTokens).where(eq(formTokens.token, formToken)).get();
    expect(row?.scope).toBe("user-1");
    expect(JSON.parse(row?.response ?? "null")).toMatchObject({ kind: "redirect", status: 302 });
  });

  it("a change without an audit row of its own is remembered by its redirect", async () => {
    let saves = 0;
    const saveDraft = retrySafe(async () => {
      saves += 1;
      return redirect("/drafts?saved=1");
    });
    const formToken = token();
    await saveDraft(post({ formToken }));
    const again = await saveDraft(post({ formToken }));
    expect(saves).toBe(1);
    expect(locationOf(again)).toBe("/drafts?saved=1");
  });

  it("data answers are replayed as data", async () => {
    let saves = 0;
    const save = retrySafe(async () => {
      saves += 1;
      writeAudit({ actorId: null, action: "test.saved", objectType: "test" });
      return { ok: true as const, version: saves };
    });
    const formToken = token();
    await save(post({ formToken }));
    const again = await save(post({ formToken }));
    expect(saves).toBe(1);
    expect(again).toMatchObject({ data: { ok: true, version: 1 }, init: { status: 200 } });
  });

  it("a change meeting a token another request claimed is undone and answered with that request's answer", async () => {
    const formToken = token();
    const before = created();
    const racing = retrySafe(async () => {
      // Another process handled the same post between this one's look-up and its transaction.
      db()
        .insert(formTokens)
        .values({
          scope: "user-1",
          token: formToken,
          claim: "other",
          response: JSON.stringify({ kind: "redirect", location: "/things/other", status: 302 }),
        })
        .run();
      db().transaction((tx) => writeAudit({ actorId: null, action: "test.created", objectType: "test" }, tx));
      return redirect("/things/mine");
    });
    const answer = await racing(post({ formToken }));
    expect(created()).toBe(before);
    expect(locationOf(answer)).toBe("/things/other");
  });

  it("a token is forgotten after a day, so the same post then runs again", async () => {
    const before = created();
    const formToken = token();
    await create(post({ formToken, title: "G" }));
    db()
      .update(formTokens)
      .set({ createdAt: new Date(Date.now() - FORM_TOKEN_TTL_MS - 1000) })
      .where(eq(formTokens.token, formToken))
      .run();
    await create(post({ formToken, title: "G" }));
    expect(created()).toBe(before + 2);
    expect(db().select().from(formTokens).where(eq(formTokens.token, formToken)).all()).toHaveLength(1);
  });

  describe("a retry of a post whose process was killed after its change committed", () => {
    /** The token's row as that process left it: claimed with its change, no answer recorded. */
    const claimedWithoutAnswer = (formToken: string, pid: number) =>
      db()
        .insert(formTokens)
        .values({ scope: "user-1", token: formToken, claim: `${pid}:a-claim`, response: null })
        .run();
    /** Whether `answer` settles while the fake clock stands still (no wait for the first answer). */
    async function settlesAtOnce(answer: Promise<unknown>) {
      let settled = false;
      void answer.then(() => (settled = true));
      for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
      return settled;
    }

    it("is answered with the page at once when that process is gone, without running again", async () => {
      const gone = spawnSync(process.execPath, ["-e", ""]).pid;
      const formToken = token();
      claimedWithoutAnswer(formToken, gone);
      const before = created();
      vi.useFakeTimers({ toFake: ["setTimeout"] });
      try {
        const answer = create(post({ formToken, title: "K" }));
        expect(await settlesAtOnce(answer)).toBe(true);
        const page = (await answer) as Response;
        expect(page.status).toBe(303);
        expect(page.headers.get("Location")).toBe("/things");
      } finally {
        vi.useRealTimers();
      }
      expect(created()).toBe(before);
    });

    it("waits for the answer while that process still runs", async () => {
      // This test's own parent process stands for the other server process, still at work.
      const formToken = token();
      claimedWithoutAnswer(formToken, process.ppid);
      vi.useFakeTimers({ toFake: ["setTimeout"] });
      try {
        const answer = create(post({ formToken, title: "L" }));
        expect(await settlesAtOnce(answer)).toBe(false);
        db()
          .update(formTokens)
          .set({ response: JSON.stringify({ kind: "redirect", location: "/things/twin", status: 302 }) })
          .where(eq(formTokens.token, formToken))
          .run();
        await vi.advanceTimersByTimeAsync(200);
        expect(locationOf(await answer)).toBe("/things/twin");
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe("the other post of a double click, handled by another process", () => {
    /** The twin's transaction, committed with its claim while this post ran, then its answer. */
    const twinCommitted = (formToken: string, location: string) =>
      db()
        .insert(formTokens)
        .values({
          scope: "user-1",
          token: formToken,
          claim: "the other process",
          response: JSON.stringify({ kind: "redirect", location, status: 302 }),
        })
        .run();

    it("a post that found the work already done gets the twin's answer, not its own refusal", async () => {
      const formToken = token();
      const publish = retrySafe(async () => {
        // The twin published while this post waited for the write lock: nothing is left to do.
        twinCommitted(formToken, "/assignment?published=6");
        return data({ errors: { confirm: { message: "errors.jury_nothing_to_publish" } } }, { status: 400 });
      });
      const answer = await publish(post({ formToken }));
      expect((answer as unknown as Response).status).toBe(302);
      expect(locationOf(answer)).toBe("/assignment?published=6");
    });

    it("a post that found nothing left and answered with a redirect does not overwrite the twin's answer", async () => {
      const formToken = token();
      const confirmAll = retrySafe(async () => {
        twinCommitted(formToken, "/conflicts?confirmed_many=2");
        return redirect("/conflicts?confirmed_many=0");
      });
      expect(locationOf(await confirmAll(post({ formToken })))).toBe("/conflicts?confirmed_many=2");
      // A third post of the same token (a retry) gets the answer of the post that made the change.
      const retried = await confirmAll(post({ formToken }));
      expect(locationOf(retried)).toBe("/conflicts?confirmed_many=2");
      expect(
        JSON.parse(db().select().from(formTokens).where(eq(formTokens.token, formToken)).get()!.response!),
      ).toEqual({
        kind: "redirect",
        location: "/conflicts?confirmed_many=2",
        status: 302,
      });
    });
  });
});
