// The results area's views name an erased juror or application by their pseudonym in the
// reader's language: the laureates' certificate, the integrity audit of the jurors, the juror
// labels of the results and the tally's exclusions.
import { describe, expect, it } from "vitest";
import { erasedName, erasedTitle } from "../../../app/accounts/domain/erasure";
import { CertificatePanel } from "../../../app/results/components/certificate";
import { JurorAuditSection } from "../../../app/results/components/integrity";
import { jurorText } from "../../../app/results/components/labels";
import { TallyTables } from "../../../app/results/components/tally";
import type { Tally } from "../../../app/results/domain/tally";
import type { CertificateView } from "../../../app/results/domain/results-page";
import type { IntegrityPageData } from "../../../app/results/domain/integrity-page";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate, type Locale, type Vars } from "../../../app/kernel/i18n";
import { renderPage } from "../../support/render-page";

const title = erasedTitle("app-erased");
const name = erasedName("juror-erased");
const tIn = (locale: Locale) =>
  Object.assign((key: string, vars?: Vars) => translate(catalogues[locale], key, vars, locale), { locale });

describe("an erased pseudonym in the results area", () => {
  it("the certificate names the applications entering, leaving and around the cut-off in the reader's language", () => {
    const erased = { applicationId: "a1", reference: "ICT-001", title };
    const other = { applicationId: "a2", reference: "ICT-002", title: "Projet lumière" };
    const data: CertificateView = {
      laureates: 1,
      level: 0.95,
      draws: 1000,
      margin: { scores: 1, points: 2, exact: true, entering: [other], leaving: [erased] },
      marginNote: "",
      runnerUp: {
        last: { ...erased, low: 1, high: 2 },
        next: { ...other, expectedRank: 2 },
        within: true,
      },
      band: [],
    };
    const html = renderPage(() => <CertificatePanel data={data} />, { locale: "fr", data: null });
    expect(html.split(`ICT-001 Candidature effacée ${title.slice(-4)}`).length - 1).toBe(2);
    expect(html).not.toContain("Erased application");
  });

  it("the integrity audit names an erased juror in the reader's language", () => {
    const data: IntegrityPageData["jurors"] = {
      problem: null,
      reviews: 10,
      threshold: 0.01,
      pairs: [{ a: name, b: "Amina", shared: 5, statistic: 0.9, p: 0.001, anchor: "pair-1" }],
      homeBias: [{ juror: name, group: "region", n: 4, estimate: 1, low: 0.1, high: 2, anchor: null }],
      criteria: ["Innovation"],
      pairEvidence: [{ anchor: "pair-1", a: name, b: "Amina", rows: [] }],
      homeEvidence: [],
    };
    const html = renderPage(() => <JurorAuditSection data={data} />, { locale: "ar", data: null });
    expect(html).not.toContain("Erased applicant");
    expect(html).toContain(tIn("ar")("erasure.erased_applicant", { tag: name.slice(-4) }));
  });

  it("a juror named on the results and in the tally's exclusions reads in the reader's language", () => {
    const fr = tIn("fr");
    expect(jurorText({ kind: "name", name }, fr)).toBe(`Candidat effacé ${name.slice(-4)}`);
    const tally: Tally = {
      apps: [],
      ballots: 3,
      pairwise: null,
      paths: null,
      exclusions: [{ juror: { name, letter: "A" }, references: ["ICT-001"], comparisons: 2 }],
    };
    const html = renderPage(() => <TallyTables tally={tally} heading="Décompte" />, { locale: "fr", data: null });
    expect(html).toContain(`Candidat effacé ${name.slice(-4)}`);
    expect(html).not.toContain("Erased applicant");
  });
});
