// An erased person's or application's pseudonym is stored in English (decision 020) and shown in
// the reader's language on every page that names them: the ballot's shortlist, the deliberation
// and decision forms, the application's facts and heading, the invitations list.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, users } from "../../../db/schema";
import { erasedName, erasedTitle } from "../../../app/accounts/domain/erasure";
import Ballot from "../../../app/routes/jury.$editionId.ballot";
import Deliberation from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import Decision from "../../../app/routes/secretariat.editions.$editionId.decision";
import Invitations from "../../../app/routes/secretariat.invitations";
import * as nomination from "../../../app/routes/nominations.$applicationId";
import * as screen from "../../../app/routes/secretariat.screening.$applicationId";
import { nominateApplication } from "../../../app/nominations/models/nomination.server";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeApplication, makeRules, PDF_BYTES, setEdition } from "../../fixtures/nominations";
import { renderPage } from "../../support/render-page";

const title = erasedTitle("app-erased");
const tag = title.slice(-4);
const name = erasedName("user-erased");
const nameTag = name.slice(-4);
const FRENCH_TITLE = `Candidature effacée ${tag}`;
const ARABIC_TITLE = `طلب ممحوّ ${tag}`;

const shortlist = [
  { id: "a1", reference: "ICT-2026-001", title },
  { id: "a2", reference: "ICT-2026-002", title: "Projet lumière" },
];

const ballot = (view: Record<string, unknown>, isChair = false) => ({
  edition: { id: "e1", year: 2026, laureateCount: 1 },
  isChair,
  view: { shortlist, status: [], tieBreak: null, tally: null, outcome: null, cast: null, runoff: null, ...view },
  ranks: {},
  voted: false,
  runoffRanks: {},
  recommendation: {},
  recommended: null,
  decided: false,
  fairness: null,
});

describe("an erased pseudonym on the jury's and the secretariat's pages", () => {
  it("the ballot names each shortlisted application in the juror's language", () => {
    const html = renderPage(Ballot, { locale: "fr", data: ballot({ closed: false }) });
    expect(html).toContain(FRENCH_TITLE);
    expect(html).toContain("Projet lumière");
    expect(html).not.toContain("Erased application");
  });

  it("the chair's recommendation choices and casting vote name the shortlist in the chair's language", () => {
    const cast = { places: 1, apps: shortlist };
    const html = renderPage(Ballot, { locale: "ar", data: ballot({ closed: true, cast }, true) });
    expect(html.split(ARABIC_TITLE).length - 1).toBe(2);
    expect(html).not.toContain("Erased application");
  });

  it("the deliberation's shortlist to open, its jurors' votes, and the decision's laureates to choose", () => {
    const deliberation = renderPage(Deliberation, {
      locale: "fr",
      data: {
        edition: { id: "e1", year: 2026, phase: "scoring" },
        closed: true,
        view: null,
        candidates: [{ id: "a1", reference: "ICT-2026-001", title, rank: 1, checked: true }],
        tieBreak: null,
      },
    });
    expect(deliberation).toContain(FRENCH_TITLE);
    expect(deliberation).not.toContain("Erased application");
    const voting = renderPage(Deliberation, {
      locale: "fr",
      data: {
        edition: { id: "e1", year: 2026, phase: "deliberation" },
        closed: true,
        view: {
          closed: false,
          shortlist,
          tieBreak: null,
          status: [{ label: name, letter: "A", isChair: false, voted: true, runoffVoted: false, self: false }],
        },
        candidates: [],
        tieBreak: null,
      },
    });
    expect(voting).toContain(`<bdi>Candidat effacé ${nameTag}</bdi>`);
    expect(voting).not.toContain("Erased applicant");
    const decision = renderPage(Decision, {
      locale: "ar",
      data: {
        certificate: { state: "none", certificate: null },
        edition: { id: "e1", year: 2026, phase: "deliberation", laureateCount: 1 },
        candidates: shortlist,
        recommendation: null,
        minutes: null,
        minutesTally: null,
        minutesFairness: null,
        decided: null,
      },
    });
    expect(decision).toContain(ARABIC_TITLE);
    expect(decision).not.toContain("Erased application");
  });

  it("the invitations list names an erased invitee in the secretariat's language", () => {
    const html = renderPage(Invitations, {
      locale: "fr",
      data: {
        page: 1,
        pages: 1,
        entities: [],
        editions: [],
        invitations: [
          {
            id: "i1",
            email: "erased-user@erased.invalid",
            name,
            role: "nominator",
            entityName: "Commission nationale",
            editionYear: null,
            createdAt: 0,
            expiresAt: 0,
            acceptedAt: null,
          },
        ],
      },
    });
    expect(html).toContain(`Candidat effacé ${nameTag}`);
    expect(html).not.toContain("Erased applicant");
  });
});

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

describe("an erased application's facts", () => {
  async function erasedNomination() {
    const edition = makeEdition();
    setEdition(edition.id, { phase: "screening" });
    makeRules(edition.id);
    const entity = makeEntity({ country: null, kind: "ngo" });
    const nominator = await makeUser({ roles: [], locale: "fr" });
    addEntityMember(entity.id, nominator.id);
    const applicant = await makeUser();
    const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
    nominateApplication({
      applicationId: app.id,
      entityId: entity.id,
      actorId: nominator.id,
      letter: { name: "l.pdf", bytes: PDF_BYTES },
    });
    const storedTitle = erasedTitle(app.id);
    const storedName = erasedName(applicant.id);
    db().update(applications).set({ title: storedTitle }).where(eq(applications.id, app.id)).run();
    db().update(users).set({ name: storedName }).where(eq(users.id, applicant.id)).run();
    return { app, entity, nominator, storedTitle, storedName };
  }

  it("the nominator reads the application's title and its applicant in their language", async () => {
    const w = await erasedNomination();
    const cookie = await cookieFor(w.nominator.id);
    const loaded = await run(() =>
      nomination.loader(
        args(request(`/nominations/${w.app.id}?entity=${w.entity.id}`, { cookie }), { applicationId: w.app.id }),
      ),
    );
    expect(loaded.status).toBe(200);
    const html = renderPage(nomination.default, { locale: "fr", data: loaded.body, path: `/nominations/${w.app.id}` });
    expect(html).toContain(`Candidature effacée ${w.storedTitle.slice(-4)}`);
    expect(html).toContain(`Candidat effacé ${w.storedName.slice(-4)}`);
    expect(html).not.toMatch(/Erased (applicant|application)/);
  });

  it("the secretariat's screening page reads the application's title in its language", async () => {
    const w = await erasedNomination();
    const secretariat = await makeUser({ roles: ["secretariat"], locale: "ar" });
    const cookie = await cookieFor(secretariat.id);
    const loaded = await run(() =>
      screen.loader(args(request(`/secretariat/screening/${w.app.id}`, { cookie }), { applicationId: w.app.id })),
    );
    expect(loaded.status).toBe(200);
    const html = renderPage(screen.default, { locale: "ar", data: loaded.body });
    expect(html).toContain(`طلب ممحوّ ${w.storedTitle.slice(-4)}`);
    expect(html).not.toMatch(/Erased (applicant|application)/);
  });
});
