// Column sets that several areas select the same way, so that an edition is named, and a
// criterion read, alike on every page.
import { criteria, editions } from "../../../db/schema";

/** What names an edition wherever it is listed: its id, its year and its theme in each language. */
export const editionNaming = {
  id: editions.id,
  year: editions.year,
  themeEn: editions.themeEn,
  themeFr: editions.themeFr,
  themeAr: editions.themeAr,
};

/** A criterion's key and its title and guidance in each language. */
export const criterionTexts = {
  key: criteria.key,
  titleEn: criteria.titleEn,
  titleFr: criteria.titleFr,
  titleAr: criteria.titleAr,
  guidanceEn: criteria.guidanceEn,
  guidanceFr: criteria.guidanceFr,
  guidanceAr: criteria.guidanceAr,
};
