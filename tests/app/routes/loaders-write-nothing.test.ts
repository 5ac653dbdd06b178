// A GET never writes (sessions aside): every table is digested before and after opening the
// pages of every role on realistic data — an edition decided and past its announcement instant
// whose announcement job has not run yet, an open edition with an application in progress, and
// unused invitation, reset, registration and setup links.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../../db/client";
import { decisions, invitations, passwordResets, pendingRegistrations, reviews, setupTokens } from "../../../db/schema";
import { hashToken } from "../../../app/accounts/server/tokens.server";
import { getEditionBrief, recordDecision } from "../../../app/results/models/decision.server";
import { diplomaCodeOf } from "../../../app/results/models/diploma-codes.server";
import * as root from "../../../app/root";
import * as home from "../../../app/routes/_index";
import * as splat from "../../../app/routes/$";
import * as call from "../../../app/routes/call";
import * as privacy from "../../../app/routes/privacy";
import * as account from "../../../app/routes/account";
import * as myData from "../../../app/routes/account_.data[.]zip";
import * as dashboard from "../../../app/routes/dashboard";
import * as laureates from "../../../app/routes/laureates._index";
import * as laureatesYear from "../../../app/routes/laureates.$year";
import * as diploma from "../../../app/routes/diplomas.$applicationId";
import * as verifyPage from "../../../app/routes/verify.$code._index";
import * as verifyBadge from "../../../app/routes/verify.$code.badge[.]json";
import * as verifyStatement from "../../../app/routes/verify.$code.statement[.]json";
import * as verifyKeys from "../../../app/routes/verify.key";
import * as verifyKeyPem from "../../../app/routes/verify.key[.]pem";
import * as revokeDiploma from "../../../app/routes/secretariat.diplomas.$code";
import * as applicationsList from "../../../app/routes/applications._index";
import * as applicationPage from "../../../app/routes/applications.$applicationId._index";
import * as applicationSection from "../../../app/routes/applications.$applicationId.sections.$section";
import * as applicationAttachments from "../../../app/routes/applications.$applicationId.attachments";
import * as applicationCheck from "../../../app/routes/applications.$applicationId.check";
import * as applicationDeclarations from "../../../app/routes/applications.$applicationId.declarations";
import * as applicationWithdraw from "../../../app/routes/applications.$applicationId.withdraw";
import * as nominationsList from "../../../app/routes/nominations._index";
import * as nominationPage from "../../../app/routes/nominations.$applicationId";
import * as juryHome from "../../../app/routes/jury._index";
import * as juryReview from "../../../app/routes/jury.reviews.$reviewId";
import * as juryConflicts from "../../../app/routes/jury.$editionId.conflicts";
import * as conflictsRegister from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import { insertConflict } from "../../../app/jury/models/conflicts.server";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import * as juryBallot from "../../../app/routes/jury.$editionId.ballot";
import * as secretariatHome from "../../../app/routes/secretariat._index";
import * as editionsList from "../../../app/routes/secretariat.editions._index";
import * as editionPage from "../../../app/routes/secretariat.editions.$editionId._index";
import * as decisionPage from "../../../app/routes/secretariat.editions.$editionId.decision";
import * as deliberationPage from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import * as resultsPage from "../../../app/routes/secretariat.editions.$editionId.results";
import * as integrityPage from "../../../app/routes/secretariat.editions.$editionId.integrity";
import * as integrityExport from "../../../app/routes/secretariat.editions.$editionId.integrity_.export[.]csv";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as juryPage from "../../../app/routes/secretariat.editions.$editionId.jury";
import * as screeningList from "../../../app/routes/secretariat.screening._index";
import * as invitationsPage from "../../../app/routes/secretariat.invitations";
import * as invitationLink from "../../../app/routes/invitations.$token";
import * as resetLink from "../../../app/routes/reset-password.$token";
import * as registrationLink from "../../../app/routes/register_.confirm.$token";
import * as setupLink from "../../../app/routes/setup.$token";
import * as erasurePage from "../../../app/routes/account_.erasure";
import * as dataRequests from "../../../app/routes/secretariat.data-requests._index";
import * as dataRequest from "../../../app/routes/secretariat.data-requests.$requestId";
import * as retentionPage from "../../../app/routes/secretariat.retention";
import { pendingRequestOf, requestErasure } from "../../../app/accounts/models/erasure.server";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition, startFor } from "../../fixtures/applications";
import { buildScoredEdition } from "../../fixtures/results";

type Loader = (args: LoaderFunctionArgs) => unknown;

/** A SHA-256 of every row of every table but sessions (the one a visit may write), per table. */
function digest(): Record<string, string> {
  const client = db().$client;
  const tables = client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name <> 'sessions' order by name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      createHash("sha256")
        .update(JSON.stringify(client.prepare(`select * from "${t}" order by rowid`).raw().all()))
        .digest("hex"),
    ]),
  );
}

async function world() {
  const f = await buildScoredEdition();
  const edition = getEditionBrief({ editionId: f.edition.id })!;
  const recorded = await recordDecision({
    edition,
    actorId: f.secretariat.id,
    laureates: [f.apps[0].app.id, f.apps[1].app.id],
    decisionDate: new Date(),
    announcementAt: new Date(Date.now() + 3600e3),
  });
  expect(recorded.ok).toBe(true);
  const at = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.announcementAt!;
  const open = makeOpenEdition({ year: 7100 });
  const drafter = await makeUser({ locale: "ar" });
  const draftId = startFor(drafter.id, open.id);
  const review = db().select().from(reviews).where(eq(reviews.jurorId, f.chair.member.id)).get()!;
  const day = 864e5;
  const future = new Date(Date.now() + 7 * day);
  db()
    .insert(invitations)
    .values({
      tokenHash: hashToken("invitation-token-0123456789"),
      email: "invitee@example.org",
      name: "Invitee",
      role: "secretariat",
      invitedBy: f.secretariat.id,
      expiresAt: future,
    })
    .run();
  db()
    .insert(passwordResets)
    .values({ userId: drafter.id, tokenHash: hashToken("reset-token-0123456789"), expiresAt: future })
    .run();
  db()
    .insert(pendingRegistrations)
    .values({
      email: "newcomer@example.org",
      name: "Newcomer",
      passwordHash: "x",
      locale: "fr",
      tokenHash: hashToken("registration-token-0123456789"),
      expiresAt: future,
    })
    .run();
  db()
    .insert(setupTokens)
    .values({ tokenHash: hashToken("setup-token-0123456789") })
    .run();
  // A conflict proposed by detection, for the register's confirmation step.
  const proposedConflictId = db().transaction((tx) =>
    insertConflict(tx, {
      editionId: f.edition.id,
      jurorId: f.jurors[0].member.id,
      applicationId: f.apps[5].app.id,
      source: "same_organisation",
      reason: "Same organisation",
      createdBy: null,
      status: "proposed",
    }),
  )!;
  expect(proposedConflictId).toEqual(expect.any(String));
  requestErasure({ userId: f.apps[2].applicant.id });
  const erasureRequestId = pendingRequestOf({ userId: f.apps[2].applicant.id })!.id;
  const cookies = {
    visitor: undefined,
    laureate: await cookieFor(f.apps[0].applicant.id),
    notSelected: await cookieFor(f.apps[2].applicant.id),
    drafter: await cookieFor(drafter.id),
    nominator: await cookieFor(f.nominator.id),
    chair: await cookieFor(f.chair.user.id),
    secretariat: await cookieFor(f.secretariat.id),
  };
  return { f, at, open, draftId, review, cookies, erasureRequestId, proposedConflictId };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("loaders write nothing", () => {
  it("opening every role's pages, the public laureates pages past the instant and unused links leaves every table but sessions unchanged", async () => {
    const w = await world();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(w.at.getTime() + 1000));
    const year = String(w.f.edition.year);
    const ed = { editionId: w.f.edition.id };
    const code = diplomaCodeOf({ applicationId: w.f.apps[0].app.id })!;
    const visits: [string, Loader, string, Record<string, string>, string | undefined][] = [
      ["root", root.loader as Loader, "/", {}, w.cookies.visitor],
      ["root", root.loader as Loader, "/laureates", {}, w.cookies.laureate],
      ["home", home.loader as Loader, "/", {}, w.cookies.visitor],
      ["not found", splat.loader as Loader, "/nowhere", {}, w.cookies.visitor],
      ["call", call.loader as Loader, "/call", {}, w.cookies.visitor],
      ["privacy", privacy.loader as Loader, "/privacy", {}, w.cookies.visitor],
      ["laureates", laureates.loader as Loader, "/laureates", {}, w.cookies.visitor],
      ["laureates of the year", laureatesYear.loader as Loader, `/laureates/${year}`, { year }, w.cookies.visitor],
      ["laureates of the year", laureatesYear.loader as Loader, `/laureates/${year}`, { year }, w.cookies.laureate],
      ["diploma", diploma.loader as Loader, "/x", { applicationId: w.f.apps[0].app.id }, w.cookies.laureate],
      ["verification", verifyPage.loader as Loader, "/x", { code }, w.cookies.visitor],
      ["verification", verifyPage.loader as Loader, "/x", { code }, w.cookies.secretariat],
      ["badge", verifyBadge.loader as Loader, "/x", { code }, w.cookies.visitor],
      ["statement", verifyStatement.loader as Loader, "/x", { code }, w.cookies.visitor],
      ["signing keys", verifyKeys.loader as Loader, "/verify/key", {}, w.cookies.visitor],
      ["signing key", verifyKeyPem.loader as Loader, "/verify/key.pem", {}, w.cookies.visitor],
      ["revocation", revokeDiploma.loader as Loader, "/x", { code }, w.cookies.secretariat],
      ["dashboard", dashboard.loader as Loader, "/dashboard", {}, w.cookies.laureate],
      ["account", account.loader as Loader, "/account", {}, w.cookies.laureate],
      ["my data", myData.loader as Loader, "/account/data.zip", {}, w.cookies.laureate],
      ["my data", myData.loader as Loader, "/account/data.zip", {}, w.cookies.nominator],
      ["my data", myData.loader as Loader, "/account/data.zip", {}, w.cookies.chair],
      ["applications", applicationsList.loader as Loader, "/applications", {}, w.cookies.notSelected],
      [
        "application",
        applicationPage.loader as Loader,
        "/x",
        { applicationId: w.f.apps[0].app.id },
        w.cookies.laureate,
      ],
      ["applications", applicationsList.loader as Loader, "/applications", {}, w.cookies.drafter],
      ["application", applicationPage.loader as Loader, "/x", { applicationId: w.draftId }, w.cookies.drafter],
      [
        "section",
        applicationSection.loader as Loader,
        "/x",
        { applicationId: w.draftId, section: "background" },
        w.cookies.drafter,
      ],
      ["attachments", applicationAttachments.loader as Loader, "/x", { applicationId: w.draftId }, w.cookies.drafter],
      ["check", applicationCheck.loader as Loader, "/x", { applicationId: w.draftId }, w.cookies.drafter],
      ["declarations", applicationDeclarations.loader as Loader, "/x", { applicationId: w.draftId }, w.cookies.drafter],
      ["withdraw", applicationWithdraw.loader as Loader, "/x", { applicationId: w.draftId }, w.cookies.drafter],
      ["nominations", nominationsList.loader as Loader, "/nominations", {}, w.cookies.nominator],
      ["nomination", nominationPage.loader as Loader, "/x", { applicationId: w.f.apps[1].app.id }, w.cookies.nominator],
      ["jury", juryHome.loader as Loader, "/jury", {}, w.cookies.chair],
      ["review", juryReview.loader as Loader, "/x", { reviewId: w.review.id }, w.cookies.chair],
      ["declared conflicts", juryConflicts.loader as Loader, "/x", ed, w.cookies.chair],
      ["jury results", juryResults.loader as Loader, "/x", ed, w.cookies.chair],
      ["ballot", juryBallot.loader as Loader, "/x", ed, w.cookies.chair],
      ["secretariat", secretariatHome.loader as Loader, "/secretariat", {}, w.cookies.secretariat],
      ["editions", editionsList.loader as Loader, "/secretariat/editions", {}, w.cookies.secretariat],
      ["edition", editionPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["decision", decisionPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["deliberation", deliberationPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["results", resultsPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["integrity", integrityPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["integrity export", integrityExport.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["progress", progressPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["assignment", assignmentPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["conflicts register", conflictsRegister.loader as Loader, "/x", ed, w.cookies.secretariat],
      ["conflict to add", conflictsRegister.loader as Loader, "/x?add=1", ed, w.cookies.secretariat],
      [
        "conflict to confirm",
        conflictsRegister.loader as Loader,
        `/x?confirm=${w.proposedConflictId}`,
        ed,
        w.cookies.secretariat,
      ],
      ["jury", juryPage.loader as Loader, "/x", ed, w.cookies.secretariat],
      [
        "screening",
        screeningList.loader as Loader,
        `/secretariat/screening?edition=${w.open.id}`,
        {},
        w.cookies.secretariat,
      ],
      ["invitations", invitationsPage.loader as Loader, "/secretariat/invitations", {}, w.cookies.secretariat],
      [
        "invitation link",
        invitationLink.loader as Loader,
        "/x",
        { token: "invitation-token-0123456789" },
        w.cookies.visitor,
      ],
      ["reset link", resetLink.loader as Loader, "/x", { token: "reset-token-0123456789" }, w.cookies.visitor],
      [
        "registration link",
        registrationLink.loader as Loader,
        "/x",
        { token: "registration-token-0123456789" },
        w.cookies.visitor,
      ],
      ["setup link", setupLink.loader as Loader, "/x", { token: "setup-token-0123456789" }, w.cookies.visitor],
      ["privacy", privacy.loader as Loader, "/privacy", {}, w.cookies.laureate],
      ["erasure", erasurePage.loader as Loader, "/account/erasure", {}, w.cookies.notSelected],
      ["erasure", erasurePage.loader as Loader, "/account/erasure", {}, w.cookies.drafter],
      ["data requests", dataRequests.loader as Loader, "/secretariat/data-requests", {}, w.cookies.secretariat],
      ["data request", dataRequest.loader as Loader, "/x", { requestId: w.erasureRequestId }, w.cookies.secretariat],
      ["retention", retentionPage.loader as Loader, "/secretariat/retention", {}, w.cookies.secretariat],
    ];
    const before = digest();
    const refused: string[] = [];
    for (const [name, loader, path, params, cookie] of visits) {
      const res = await run(async () =>
        loader({ request: request(path, { cookie }), params, context: { clientAddress: "203.0.113.9" } }),
      );
      if (res.status !== (name === "not found" ? 404 : 200)) refused.push(`${name}: ${res.status}`);
    }
    expect(digest()).toEqual(before);
    // The visits were real pages, not refusals: the data they read was there.
    expect(refused).toEqual([]);
    const links = await Promise.all([
      run(async () =>
        invitationLink.loader({
          request: request("/x"),
          params: { token: "invitation-token-0123456789" },
          context: {},
        }),
      ),
      run(async () =>
        resetLink.loader({ request: request("/x"), params: { token: "reset-token-0123456789" }, context: {} }),
      ),
      run(async () =>
        registrationLink.loader({
          request: request("/x"),
          params: { token: "registration-token-0123456789" },
          context: {},
        }),
      ),
    ]);
    // Opening a link twice still finds it open: only its form's POST uses it.
    expect(links.map((l) => l.body)).toEqual([
      expect.objectContaining({ invitation: expect.objectContaining({ email: "invitee@example.org" }) }),
      { valid: true },
      { email: "newcomer@example.org" },
    ]);
  });
});
