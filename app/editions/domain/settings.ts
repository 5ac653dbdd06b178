// Facts of an edition's settings that forms, pages and models share.
import { SECTIONS } from "../../applications/domain/sections";

/** The application sections whose word limit an edition sets (the others are not counted). */
export const WORD_LIMIT_SECTIONS = SECTIONS.filter((s) => s.defaultWordLimit !== null).map((s) => s.key);
/** An edition's instants, in the order they must come. */
export const DATE_FIELDS = [
  "callOpensAt",
  "deadlineAt",
  "scoringOpensAt",
  "scoringClosesAt",
  "announcementAt",
] as const;
export type DateField = (typeof DATE_FIELDS)[number];
