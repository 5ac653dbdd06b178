// The tie-break rule of an edition's deliberation, fixed before its ballot opens, with the
// committed lottery seed, and what settled a tie at the laureate cut-off: the chair's casting
// vote or the jury's run-off ballots.
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TIE_BREAK_RULES, type TieBreakRule } from "../enums";
import { users } from "./accounts";
import { editions } from "./editions";
import { juryMembers } from "./jury";
import { id, inList, ts } from "./columns";

export const tieBreaks = sqliteTable(
  "tie_breaks",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    rule: text("rule").$type<TieBreakRule>().notNull(),
    /** 64 hexadecimal digits drawn by the server; shown only once the vote's outcome is final. */
    seed: text("seed").notNull(),
    /** SHA-256 of the seed, published when the rule is chosen. */
    commitment: text("commitment").notNull(),
    chosenBy: text("chosen_by")
      .notNull()
      .references(() => users.id),
    chosenAt: ts("chosen_at").notNull(),
    /** The chair's casting vote: the tied applications given the remaining laureate places. */
    cast: text("cast", { mode: "json" }).$type<string[]>(),
    castBy: text("cast_by").references(() => users.id),
    castAt: ts("cast_at"),
    /** The jury's run-off: the tied applications, and how many laureate places they share. */
    runoff: text("runoff", { mode: "json" }).$type<string[]>(),
    runoffPlaces: integer("runoff_places"),
    runoffOpenedAt: ts("runoff_opened_at"),
    runoffClosedAt: ts("runoff_closed_at"),
  },
  (t) => [uniqueIndex("tie_breaks_edition").on(t.editionId), check("tie_breaks_rule", inList("rule", TIE_BREAK_RULES))],
);

export const runoffBallots = sqliteTable(
  "runoff_ballots",
  {
    id: id(),
    tieBreakId: text("tie_break_id")
      .notNull()
      .references(() => tieBreaks.id, { onDelete: "cascade" }),
    jurorId: text("juror_id")
      .notNull()
      .references(() => juryMembers.id, { onDelete: "cascade" }),
    /** Ordered groups of application ids; a group of several is a tie. */
    ranking: text("ranking", { mode: "json" }).$type<string[][]>().notNull(),
    submittedAt: ts("submitted_at").notNull(),
  },
  (t) => [uniqueIndex("runoff_ballots_tie_break_juror").on(t.tieBreakId, t.jurorId)],
);
