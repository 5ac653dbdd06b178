// Facts of the jury that forms and pages share, in browser and server alike.

/** The confidence a juror may state in a review, lowest first. */
export const CONFIDENCE_LEVELS = ["1", "2", "3", "4", "5"] as const;

/** The languages a juror may list as read. */
export const JUROR_LANGUAGES = ["en", "fr", "ar", "es", "ru", "zh"] as const;

/** The states a juror's review goes through, in the order the progress page counts them. */
export { REVIEW_STATES } from "../../../db/enums";
