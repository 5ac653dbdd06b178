// What the integrity page is given: plain values only, jurors by name (the page is the
// secretariat's), evidence only for what is flagged, and one group's fairness table at a time.
import type { HomeGroup } from "../../../scoring/independence";
import type { FairnessGroup, FairnessStage, FairnessTableCell } from "./integrity";

export interface IntegrityPageData {
  edition: { id: string; year: number; themeEn: string; themeFr: string; themeAr: string | null };
  scoringOpen: boolean;
  jurors: {
    problem: string | null;
    reviews: number;
    threshold: number | null;
    pairs: { a: string; b: string; shared: number; statistic: number; p: number; anchor: string | null }[];
    homeBias: {
      juror: string;
      group: HomeGroup;
      n: number;
      estimate: number;
      low: number | null;
      high: number | null;
      anchor: string | null;
    }[];
    criteria: string[];
    pairEvidence: {
      anchor: string;
      a: string;
      b: string;
      rows: {
        reference: string;
        title: string;
        a: (number | null)[];
        b: (number | null)[];
        aScore: number;
        bScore: number;
        othersMean: number | null;
      }[];
    }[];
    homeEvidence: {
      anchor: string;
      juror: string;
      group: HomeGroup;
      rows: {
        reference: string;
        title: string;
        place: string;
        home: boolean;
        score: number;
        othersMean: number;
        difference: number;
      }[];
    }[];
  };
  fairness: {
    applications: number;
    minCell: number;
    groups: FairnessGroup[];
    group: FairnessGroup;
    /** The World Bank list the income groups come from, for the page to name. */
    incomeClassification: { fiscalYear: number; published: string; gniYear: number };
    stages: FairnessStage[];
    /** The chosen group's values, labelled in the viewer's language. */
    values: { label: string; cells: FairnessTableCell[] }[];
  };
}
