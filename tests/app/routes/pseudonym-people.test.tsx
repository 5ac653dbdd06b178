// An erased juror's, observer's or invitee's pseudonym (stored in English, decision 020) is shown
// in the reader's language on the secretariat's jury, conflicts and edition pages and the
// observer's overview; an erased application's title in the secretariat's application choice.
import { describe, expect, it } from "vitest";
import { erasedName, erasedTitle } from "../../../app/accounts/domain/erasure";
import JuryMembers from "../../../app/routes/secretariat.editions.$editionId.jury";
import ObserverOverview from "../../../app/routes/observe.$editionId._index";
import ObserverAuditLog from "../../../app/routes/observe.$editionId.audit";
import { ApplicationChoice } from "../../../app/applications/components/choice";
import { renderPage } from "../../support/render-page";

const name = erasedName("juror-erased");
const tag = name.slice(-4);
const title = erasedTitle("app-erased");

const member = {
  id: "m1",
  name,
  email: "erased-juror@erased.invalid",
  isChair: false,
  country: "KE",
  languages: ["en"],
  expertise: [],
  replaced: false,
};

describe("an erased person's pseudonym on the jury's pages", () => {
  it("the jury members list names an erased juror, and its links say whom they edit, in French", () => {
    const html = renderPage(JuryMembers, {
      locale: "fr",
      data: { edition: { id: "e1", year: 2026 }, members: [member], edit: null, replace: null },
    });
    expect(html).toContain(`<bdi>Candidat effacé ${tag}</bdi>`);
    expect(html).toContain(`aria-label="Modifier Candidat effacé ${tag}"`);
    expect(html).toContain(`aria-label="Remplacer Candidat effacé ${tag}"`);
    expect(html).not.toContain("Erased applicant");
  });

  it("the observer's overview names an erased juror in Arabic", () => {
    const html = renderPage(ObserverOverview, {
      locale: "ar",
      data: {
        edition: { id: "e1", year: 2026, phase: "scoring" },
        scoringOpen: true,
        jurors: [{ id: "m1", name, assigned: 3, draft: 0, submitted: 1, recused: 0, late: false }],
        applicationTotals: { total: 3, done: 1, open: 2, unreviewed: 0 },
        publishedAssignments: 3,
        deliberation: null,
        recommendation: null,
        decision: null,
        note: { text: "", updatedAt: null },
      },
    });
    expect(html).not.toContain("Erased applicant");
    expect(html).toContain(tag);
  });

  it("the observer's audit log names an erased actor in French", () => {
    const html = renderPage(ObserverAuditLog, {
      locale: "fr",
      data: {
        edition: { id: "e1", year: 2026 },
        total: 1,
        page: 1,
        pages: 1,
        rows: [{ id: 1, at: 0, action: "review.submit", objectType: "review", actor: name }],
        actions: [{ action: "review.submit", rows: 1 }],
        action: null,
      },
    });
    expect(html).toContain(`<bdi>Candidat effacé ${tag}</bdi>`);
    expect(html).not.toContain("Erased applicant");
  });

  it("the secretariat's application choice lists an erased application under its pseudonym", () => {
    const html = renderPage(() => <ApplicationChoice options={[{ value: "a1", label: title }]} />, {
      locale: "fr",
      data: null,
    });
    expect(html).toContain(`Candidature effacée ${title.slice(-4)}`);
    expect(html).not.toContain("Erased application");
  });
});
