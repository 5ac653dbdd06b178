// What the jury's models share: the edition as the jury sees it, the active jurors, the eligible
// applications as table rows, the paging of the secretariat's long tables and the conflict
// conditions that scope assignments and reviews. Reads only.
import { and, asc, eq, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { selectWith } from "../../kernel/models/select.server";
import { db, type DB } from "../../../db/client";
import type { Tx } from "../../kernel/models/transaction.server";
import { localized, textsOf } from "../../kernel/i18n";
import { applications, assignments, conflicts, editions, juryMembers, reviews, users } from "../../../db/schema";
import { editionScoring } from "../../editions/models/columns.server";
import { PHASES, type Phase } from "../../../db/enums";

export type { Tx } from "../../kernel/models/transaction.server";
export { fail, type Failure } from "../../kernel/models/result.server";

/** The secretariat member who changes something of an edition's jury, and the edition. */
export type EditionActor = { editionId: string; actorId: string };

export const editionColumns = {
  ...editionScoring,
  scoringOpensAt: editions.scoringOpensAt,
  reviewersPerApplication: editions.reviewersPerApplication,
  hideScoresUntilSubmitted: editions.hideScoresUntilSubmitted,
  reminderDaysBefore: editions.reminderDaysBefore,
};

export function getJuryEdition({ editionId }: { editionId: string }) {
  return db().select(editionColumns).from(editions).where(eq(editions.id, editionId)).get() ?? null;
}

export type JuryEdition = NonNullable<ReturnType<typeof getJuryEdition>>;

/** Reviews can be written while the edition is in its scoring phase and scoring has not closed. */
export function scoringOpen(edition: Pick<JuryEdition, "phase" | "scoringClosesAt">, now = new Date()): boolean {
  return edition.phase === "scoring" && now.getTime() <= edition.scoringClosesAt.getTime();
}

/**
 * Until scoring closes (at its date, or by a later phase) the jury's work may still change: a
 * conflict declared, the assignment computed, edited or published. After that it is what the
 * jury scored and deliberates on.
 */
export function beforeScoringCloses(
  edition: Pick<JuryEdition, "phase" | "scoringClosesAt">,
  now = new Date(),
): boolean {
  const at = PHASES.indexOf(edition.phase as Phase);
  const scoring = PHASES.indexOf("scoring");
  return at < scoring || (at === scoring && scoringOpen(edition, now));
}

/**
 * The words for scoring's closing date: ahead of it, once it has passed, or once the secretariat
 * closed scoring before it (the date then is only the one planned). A loader picks them, so the
 * server and the browser render the same words whatever the clock says in between.
 */
export function scoringDeadlineKey(
  edition: Pick<JuryEdition, "phase" | "scoringClosesAt">,
  now = new Date(),
): "jury.deadline" | "jury.deadline_passed" | "jury.deadline_closed_early" {
  if (beforeScoringCloses(edition, now)) return "jury.deadline";
  return now.getTime() > edition.scoringClosesAt.getTime() ? "jury.deadline_passed" : "jury.deadline_closed_early";
}

/** From the decision on (decided, announced, archived): the jury's register and work no longer change. */
export function decisionRecorded(edition: Pick<JuryEdition, "phase">): boolean {
  return PHASES.indexOf(edition.phase as Phase) >= PHASES.indexOf("decided");
}

/**
 * Whether the edition's jury has a serving chair other than `seat` (one chair a jury: the chair
 * closes the ballot, casts the deciding vote and records the recommendation).
 */
export function otherChairSeated(
  tx: Tx | DB,
  editionId: string,
  seat: { memberId: string } | { userId: string } | null,
): boolean {
  const notThisSeat = !seat
    ? []
    : ["memberId" in seat ? ne(juryMembers.id, seat.memberId) : ne(juryMembers.userId, seat.userId)];
  const chair = and(eq(juryMembers.editionId, editionId), eq(juryMembers.isChair, true), ...notThisSeat);
  return !!tx
    .select({ id: juryMembers.id })
    .from(juryMembers)
    .where(and(chair, isNull(juryMembers.replacedAt)))
    .get();
}

export function editionTheme(edition: Pick<JuryEdition, "themeEn" | "themeFr" | "themeAr">, locale: string): string {
  return localized(locale, textsOf(edition, "theme"));
}

/** Who holds a seat on the jury: the seat, and the holder's name and addresses to write to. */
export const seatHolder = { id: juryMembers.id, name: users.name, email: users.email, locale: users.locale };

/** What a juror writes in a review: the criteria's scores and comments, the overall comment, their confidence. */
const { scores, comments, overallComment, confidence } = reviews;
export const reviewWriting = { scores, comments, overallComment, confidence };

/** What the assignment matches a juror on: where they live, the languages they read, their fields. */
export const jurorProfile = {
  country: juryMembers.country,
  languages: juryMembers.languages,
  expertise: juryMembers.expertise,
};

/** The jury seats `where` keeps, joined to the users who hold them, each with the columns the caller reads. */
export function jurySeats<T extends SelectedFields>(columns: T, where: SQL, orderBy: SQL[] = [], tx: Tx | DB = db()) {
  return selectWith(columns, (fields) =>
    tx
      .select(fields)
      .from(juryMembers)
      .innerJoin(users, eq(users.id, juryMembers.userId))
      .where(where)
      .orderBy(...orderBy)
      .all(),
  );
}

/**
 * A juror's letter in anonymous views ("A", "B", …, "Z", "A1", …) from their place in the order
 * in which the edition's seats were taken: the results and a review's colleagues name the same
 * juror by the same letter, so no page pairs a letter with a name.
 */
export function jurorLetter(place: number): string {
  return String.fromCharCode(65 + (place % 26)) + (place >= 26 ? String(Math.floor(place / 26)) : "");
}

/** The order in which an edition's seats were taken (every seat, replaced ones too): their letters' order. */
export const joiningOrder = [asc(juryMembers.createdAt), asc(juryMembers.id)];

/** Each of the edition's seats (by jury member id) with its letter. */
export function jurorLetters(editionId: string, tx: Tx | DB = db()): Map<string, string> {
  const seats = jurySeats({ id: juryMembers.id }, eq(juryMembers.editionId, editionId), joiningOrder, tx);
  return new Map(seats.map((seat, i) => [seat.id, jurorLetter(i)]));
}

/** The edition's jurors still serving (a replaced one has left), in name order. */
export function activeJurors(editionId: string, tx: Tx | DB = db()) {
  const serving = and(eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))!;
  return jurySeats({ ...seatHolder, ...jurorProfile }, serving, [asc(users.name)], tx);
}

/** The edition's applications found eligible at screening: the only ones a jury works on. */
export const eligibleIn = (editionId: string) =>
  and(eq(applications.editionId, editionId), eq(applications.state, "eligible"))!;

/** The order in which the jury's lists and forms show applications. */
export const titleOrder = [asc(applications.title), asc(applications.reference)];

/** The edition's eligible applications in title order, each with the columns the caller reads. */
export function eligibleRows<T extends SelectedFields>(editionId: string, columns: T, tx: Tx | DB = db()) {
  return selectWith(columns, (fields) =>
    tx
      .select(fields)
      .from(applications)
      .where(eligibleIn(editionId))
      .orderBy(...titleOrder)
      .all(),
  );
}

/** The edition's eligible applications in title order, only what a table row shows. */
export function applicationRows(editionId: string, tx: Tx | DB = db()) {
  const { id, title, reference, language } = applications;
  return eligibleRows(editionId, { id, title, reference, language }, tx);
}

/** Rows per page in the secretariat's long jury tables. */
export const JURY_PAGE_SIZE = 50;

export const pagesOf = (total: number) => Math.max(1, Math.ceil(total / JURY_PAGE_SIZE));
export const offsetOf = (page: number) => (Math.max(1, page) - 1) * JURY_PAGE_SIZE;
/** The page asked for, within [1, pages]. */
export const clampPage = (page: number, total: number) => Math.min(Math.max(1, page), pagesOf(total));

/** A conflict counts once confirmed; a dismissed proposal never does. */
const confirmed = eq(conflicts.status, "confirmed");
/** Proposed or confirmed: what the assignment must avoid and what a juror's views leave out. */
export const standing = ne(conflicts.status, "dismissed");
/**
 * No confirmed conflict of any source between this juror and this application (a proposal leaves the review in place
 * until decided).
 */
export const noConflict = sql`not exists (select 1 from ${conflicts} where ${conflicts.jurorId} = ${reviews.jurorId} and ${conflicts.applicationId} = ${reviews.applicationId} and ${confirmed})`;

/**
 * The reviews `which` keeps that this user may read as a juror: through the seat they hold now,
 * assignment published, not recused, no confirmed conflict. Each with the columns the caller reads.
 */
export function readableReviews<T extends SelectedFields>(columns: T, userId: string, which: SQL, tx: Tx | DB = db()) {
  return selectWith(columns, (fields) =>
    tx
      .select(fields)
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
      .where(
        and(
          which,
          eq(juryMembers.userId, userId),
          isNull(juryMembers.replacedAt),
          isNotNull(assignments.publishedAt),
          ne(reviews.state, "recused"),
          noConflict,
        ),
      )
      .all(),
  );
}

/**
 * The edition's seat that a member id or its holder's user id names, if it still serves (a replaced
 * seat is no longer anyone's), with the languages it reads.
 */
export function servingSeat(tx: Tx | DB, editionId: string, seat: { memberId: string } | { userId: string }) {
  const named = "memberId" in seat ? eq(juryMembers.id, seat.memberId) : eq(juryMembers.userId, seat.userId);
  return tx
    .select({ id: juryMembers.id, languages: juryMembers.languages })
    .from(juryMembers)
    .where(and(named, eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
    .get();
}

/** One of the edition's eligible applications (the only ones a jury works on), if it is one. */
export function eligibleApplication(tx: Tx | DB, editionId: string, applicationId: string) {
  return tx
    .select({ id: applications.id, language: applications.language })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eligibleIn(editionId)))
    .get();
}
