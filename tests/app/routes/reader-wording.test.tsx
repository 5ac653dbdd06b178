// Pages word what they say for their reader and the moment: the integrity page names who sees it to
// an observer too, scoring's closing date is in the past tense once it has passed, the observer
// reads whether scoring is yet to open or over, and every time on the observer's overview is
// said to be Paris time, as everywhere else.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { decisions, deliberations, editionObservers, editions } from "../../../db/schema";
import * as dashboard from "../../../app/routes/jury._index";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as overview from "../../../app/routes/observe.$editionId._index";
import * as integrity from "../../../app/routes/observe.$editionId.integrity";
import { saveObserverNote } from "../../../app/results/models/observer.server";
import { formatDateTime, type Locale } from "../../../app/kernel/i18n";
import { cookieFor, makeEdition, makeUser, request, run } from "../../fixtures/builders";
import { publishPair } from "../../fixtures/jury";
import { args, scenario, type Scenario } from "../../fixtures/jury-routes";
import { buildAuditedEdition } from "../../fixtures/integrity";
import { renderPage } from "../../support/render-page";

const DAY = 864e5;

async function observerOf(editionId: string) {
  const user = await makeUser({ roles: [] });
  db().insert(editionObservers).values({ editionId, userId: user.id }).run();
  return { user, cookie: await cookieFor(user.id) };
}

async function observerOverview(editionId: string, locale: Locale) {
  const { cookie } = await observerOf(editionId);
  const loaded = await run(() => overview.loader(args(request(`/observe/${editionId}`, { cookie }), { editionId })));
  expect(loaded.status).toBe(200);
  return renderPage(overview.default, { locale, data: loaded.body, path: `/observe/${editionId}` });
}

describe("the integrity page's lead", () => {
  it("tells an observer that the secretariat and the edition's observers see it, and jurors never do", async () => {
    const f = await buildAuditedEdition();
    const { cookie } = await observerOf(f.edition.id);
    const editionId = f.edition.id;
    const loaded = await run(() =>
      integrity.loader(args(request(`/observe/${editionId}/integrity`, { cookie }), { editionId })),
    );
    expect(loaded.status).toBe(200);
    const page = (locale: Locale) =>
      renderPage(integrity.default, { locale, data: loaded.body, path: `/observe/${editionId}/integrity` });
    expect(page("en")).toContain("Only the secretariat and this edition’s observers see this page; jurors never do.");
    expect(page("fr")).toContain(
      "Seuls le secrétariat et les observateurs de cette édition voient cette page, jamais les membres du jury.",
    );
    expect(page("ar")).toContain("لا يرى هذه الصفحة إلا الأمانة ومراقبو هذه الدورة");
    for (const locale of ["en", "fr", "ar"] as const) {
      expect(page(locale)).not.toContain("Only the secretariat sees this page");
      expect(page(locale)).not.toContain("Seul le secrétariat voit cette page");
    }
  });
});

describe("scoring's closing date on the jury's pages", () => {
  async function pages(s: Scenario) {
    const [ana] = s.jurors;
    const reviewId = publishPair(db(), s.editionId, ana.memberId, s.applications[1].id);
    const cookie = await cookieFor(ana.userId);
    const dash = await run(() => dashboard.loader(args(request("/jury", { cookie }))));
    const review = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    const progress = await run(() =>
      progressPage.loader(
        args(request(`/secretariat/editions/${s.editionId}/progress`, { cookie: s.staffCookie }), {
          editionId: s.editionId,
        }),
      ),
    );
    const closesAt = db().select().from(editions).where(eq(editions.id, s.editionId)).get()!.scoringClosesAt;
    return {
      closesAt,
      html: [
        renderPage(dashboard.default, { locale: "en", data: dash.body, path: "/jury" }),
        renderPage(reviewPage.default, { locale: "en", data: review.body, path: `/jury/reviews/${reviewId}` }),
        renderPage(progressPage.default, { locale: "en", data: progress.body, path: "/progress" }),
      ],
    };
  }

  it("says when scoring closes while it is open", async () => {
    const { closesAt, html } = await pages(await scenario({ scoringClosesInDays: 5 }));
    for (const page of html)
      expect(page).toContain(`Scoring closes on ${formatDateTime(closesAt, "en")} (Paris time).`);
  });

  it("says when scoring closed once the date is past", async () => {
    const { closesAt, html } = await pages(await scenario({ scoringClosesInDays: -2 }));
    for (const page of html) {
      expect(page).toContain(`Scoring closed on ${formatDateTime(closesAt, "en")} (Paris time).`);
      expect(page).not.toContain("Scoring closes on");
    }
  });

  it("says scoring closed before its planned end when the secretariat closed it early", async () => {
    const s = await scenario({ scoringClosesInDays: 5 });
    db().update(editions).set({ phase: "deliberation" }).where(eq(editions.id, s.editionId)).run();
    const { closesAt, html } = await pages(s);
    for (const page of html) {
      expect(page).toContain(`Scoring closed before its planned end, ${formatDateTime(closesAt, "en")} (Paris time).`);
      expect(page).not.toContain("Scoring closes on");
    }
  });
});

describe("the observer's overview", () => {
  it("tells scoring not yet open from scoring closed", async () => {
    const edition = makeEdition();
    const at = (phase: string, closesInDays = 5) =>
      db()
        .update(editions)
        .set({
          phase: phase as "screening",
          callOpensAt: new Date(Date.now() + (closesInDays - 30) * DAY),
          deadlineAt: new Date(Date.now() + (closesInDays - 20) * DAY),
          scoringOpensAt: new Date(Date.now() + (closesInDays - 10) * DAY),
          scoringClosesAt: new Date(Date.now() + closesInDays * DAY),
        })
        .where(eq(editions.id, edition.id))
        .run();
    at("screening");
    expect(await observerOverview(edition.id, "fr")).toContain("L’évaluation n’est pas encore ouverte.");
    at("scoring");
    expect(await observerOverview(edition.id, "fr")).toContain("L’évaluation est ouverte.");
    at("scoring", -1);
    const closed = await observerOverview(edition.id, "fr");
    expect(closed).toContain("L’évaluation est close.");
    expect(closed).not.toContain("L’évaluation n’est pas");
    at("deliberation");
    expect(await observerOverview(edition.id, "en")).toContain("Scoring has closed.");
    expect(await observerOverview(edition.id, "ar")).toContain("انتهى التقييم.");
  });

  it("says every time it shows is Paris time", async () => {
    const f = await buildAuditedEdition();
    const editionId = f.edition.id;
    const now = Date.now();
    const closedAt = new Date(now - 2 * 3600e3);
    const decidedAt = new Date(now - 600e3);
    db().update(deliberations).set({ closedAt }).where(eq(deliberations.editionId, editionId)).run();
    db()
      .update(decisions)
      .set({ decidedAt, laureates: f.shortlist.slice(0, 2) })
      .where(eq(decisions.editionId, editionId))
      .run();
    const { user, cookie } = await observerOf(editionId);
    saveObserverNote({ editionId, userId: user.id, note: "Seen." });
    const loaded = await run(() => overview.loader(args(request(`/observe/${editionId}`, { cookie }), { editionId })));
    const page = renderPage(overview.default, { locale: "fr", data: loaded.body, path: `/observe/${editionId}` });
    const recommendedAt = db().select().from(decisions).where(eq(decisions.editionId, editionId)).get()!.recommendedAt!;
    const fr = (d: Date | number) => formatDateTime(d, "fr");
    expect(page).toContain(`Le scrutin du jury a été clos le ${fr(closedAt)} (heure de Paris).`);
    expect(page).toContain(`(enregistrée le ${fr(recommendedAt)}, heure de Paris)`);
    expect(page).toContain(`Décision enregistrée le ${fr(decidedAt)} (heure de Paris).`);
    expect(page).toMatch(/Déposée pour la dernière fois le [^<]+ \(heure de Paris\)\./);
  });
});
