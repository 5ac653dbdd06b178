import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "../../../db/client";
import { auditLog, erasureRequests, users } from "../../../db/schema";
import * as erasurePage from "../../../app/routes/account_.erasure";
import * as dataRequest from "../../../app/routes/secretariat.data-requests.$requestId";
import * as retentionPage from "../../../app/routes/secretariat.retention";
import { pendingRequestOf } from "../../../app/accounts/models/erasure.server";
import { retentionSchedule } from "../../../app/accounts/models/retention.server";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;
const post = (action: Action, cookie: string, form: Record<string, string>, params: Record<string, string> = {}) =>
  run(() => action({ request: request("/x", { cookie, form }), params, context: { clientAddress: "203.0.113.9" } }));
const errorsOf = (body: unknown) => (body as { errors: Record<string, { message: string }> }).errors;

describe("erasure pages", () => {
  it("asks the applicant to tick the confirmation before the request is recorded", async () => {
    const applicant = await makeUser();
    const cookie = await cookieFor(applicant.id);
    const unticked = await post(erasurePage.action as Action, cookie, { intent: "request" });
    expect(unticked.status).toBe(400);
    expect(errorsOf(unticked.body).confirm.message).toBe("errors.erasure_confirm_required");
    expect(pendingRequestOf({ userId: applicant.id })).toBeNull();
    const ticked = await post(erasurePage.action as Action, cookie, { intent: "request", confirm: "on" });
    expect(ticked.headers.get("Location")).toBe("/account/erasure?sent=1");
    expect(pendingRequestOf({ userId: applicant.id })).not.toBeNull();
  });

  it("lets the applicant withdraw a request not yet answered; the log keeps both, and a second click changes nothing", async () => {
    const applicant = await makeUser();
    const cookie = await cookieFor(applicant.id);
    await post(erasurePage.action as Action, cookie, { intent: "request", confirm: "on" });
    const requestId = pendingRequestOf({ userId: applicant.id })!.id;
    const withdrawn = await post(erasurePage.action as Action, cookie, { intent: "withdraw" });
    expect(withdrawn.headers.get("Location")).toBe("/account/erasure?withdrawn=1");
    expect(pendingRequestOf({ userId: applicant.id })).toBeNull();
    expect(db().select().from(erasureRequests).where(eq(erasureRequests.id, requestId)).get()).toBeUndefined();
    expect(db().select().from(users).where(eq(users.id, applicant.id)).get()).toMatchObject({
      email: applicant.email,
      disabledAt: null,
    });
    const logged = db()
      .select({ action: auditLog.action, details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.objectId, applicant.id))
      .all();
    expect(logged.map((r) => r.action)).toEqual(["erasure.requested", "erasure.withdrawn"]);
    expect(logged[1]).toMatchObject({ actorId: applicant.id });
    expect(JSON.parse(logged[1].details)).toMatchObject({ requestId });
    const again = await post(erasurePage.action as Action, cookie, { intent: "withdraw" });
    expect(again.headers.get("Location")).toBe("/account/erasure");
    expect(db().select().from(auditLog).where(eq(auditLog.objectId, applicant.id)).all()).toHaveLength(2);
    // A withdrawn request is no longer the secretariat's to answer.
    const secretariat = await cookieFor((await makeUser({ roles: ["secretariat"] })).id);
    expect((await post(dataRequest.action as Action, secretariat, { intent: "erase" }, { requestId })).status).toBe(
      404,
    );
    expect(db().select().from(users).where(eq(users.id, applicant.id)).get()!.email).toBe(applicant.email);
  });

  it("lets the secretariat erase only after a confirmation step, and decline only with a reason", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const s = await cookieFor(secretariat.id);
    const [a, b] = [await makeUser(), await makeUser()];
    for (const u of [a, b])
      await post(erasurePage.action as Action, await cookieFor(u.id), { intent: "request", confirm: "on" });
    const idOf = (u: { id: string }) => pendingRequestOf({ userId: u.id })!.id;

    const idA = idOf(a);
    const checked = await post(dataRequest.action as Action, s, { intent: "check" }, { requestId: idA });
    expect(checked.body).toEqual({ confirm: true });
    expect(db().select().from(users).where(eq(users.id, a.id)).get()!.email).toBe(a.email);
    const erased = await post(dataRequest.action as Action, s, { intent: "erase" }, { requestId: idA });
    expect(erased.headers.get("Location")).toBe("/secretariat/data-requests?done=erased");
    expect(db().select().from(users).where(eq(users.id, a.id)).get()!.email).not.toBe(a.email);
    // Answered: the page is gone for that request.
    expect((await post(dataRequest.action as Action, s, { intent: "erase" }, { requestId: idA })).status).toBe(404);

    const idB = idOf(b);
    const bare = await post(dataRequest.action as Action, s, { intent: "decline", reason: " " }, { requestId: idB });
    expect(errorsOf(bare.body).reason.message).toBe("errors.required");
    const declined = await post(
      dataRequest.action as Action,
      s,
      { intent: "decline", reason: "Open appeal" },
      {
        requestId: idB,
      },
    );
    expect(declined.headers.get("Location")).toBe("/secretariat/data-requests?done=declined");
    expect(db().select().from(erasureRequests).where(eq(erasureRequests.id, idB)).get()).toMatchObject({
      state: "declined",
      declineReason: "Open appeal",
    });
  });

  it("refuses a retention period outside its bounds with a translated error and saves one inside them", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const s = await cookieFor(secretariat.id);
    const form = { unsuccessful_applications: "11", emails: "0", registrations: "x" };
    const refused = await post(retentionPage.action as Action, s, form);
    expect(refused.status).toBe(400);
    expect(Object.fromEntries(Object.entries(errorsOf(refused.body)).map(([k, v]) => [k, v.message]))).toEqual({
      unsuccessful_applications: "errors.retention_range",
      emails: "errors.retention_range",
      registrations: "errors.retention_whole_number",
    });
    const before = retentionSchedule();
    const shorter = { unsuccessful_applications: "3", emails: "6", registrations: "30" };
    // A shorter period removes data within a minute, for good: the first post says what, saves nothing.
    const asked = await post(retentionPage.action as Action, s, shorter);
    expect(asked).toMatchObject({
      status: 200,
      body: { confirm: { applications: 0, emails: 0, schedule: { unsuccessful_applications: 3, emails: 6 } } },
    });
    expect(retentionSchedule()).toEqual(before);
    const saved = await post(retentionPage.action as Action, s, { ...shorter, intent: "confirm" });
    expect(saved.headers.get("Location")).toBe("/secretariat/retention?saved=1");
    expect(retentionSchedule()).toEqual({ unsuccessful_applications: 3, emails: 6, registrations: 30 });
    // A longer one removes nothing more: saved at once.
    const longer = await post(retentionPage.action as Action, s, {
      unsuccessful_applications: "4",
      emails: "12",
      registrations: "30",
    });
    expect(longer.headers.get("Location")).toBe("/secretariat/retention?saved=1");
    expect(retentionSchedule()).toEqual({ unsuccessful_applications: 4, emails: 12, registrations: 30 });
  });

  it("answers 404 to an applicant on the secretariat's pages and to the secretariat on the request page", async () => {
    const applicant = await makeUser();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const res = await post(retentionPage.action as Action, await cookieFor(applicant.id), { emails: "6" });
    expect(res.status).toBe(404);
    const own = await post(erasurePage.action as Action, await cookieFor(secretariat.id), {
      intent: "request",
      confirm: "on",
    });
    expect(own.status).toBe(404);
  });
});
