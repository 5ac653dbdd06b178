// The juror at work: their workspace, their reviews (scores and comments, saved as drafts then
// submitted, reopened or recused) and their colleagues' submitted reviews. A juror's functions
// take the signed-in user's id and only ever reach that user's own, published, unconflicted
// reviews. Every state change is audited in its own synchronous transaction, and e-mails are
// queued in that same transaction.
import { and, asc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import {
  applications,
  assignments,
  criteria,
  editions,
  juryMembers,
  reviews,
  userRoles,
  users,
} from "../../../db/schema";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { writeAudit } from "../../kernel/models/audit.server";
import {
  editionColumns,
  getJuryEdition,
  jurorLetters,
  noConflict,
  readableReviews,
  reviewWriting,
  scoringOpen,
  type Tx,
} from "./shared.server";
import { insertConflict } from "./conflicts.server";
import { criterionTexts, editionCriteria } from "../../editions/models/columns.server";
import { applicationNaming } from "../../applications/models/columns.server";
import { attachmentsOf, letterOf } from "../../nominations/models/nomination.server";

/** Each edition the user serves on, with their published assignments and review states. */
export function jurorWorkspace({ userId }: { userId: string }) {
  const memberships = db()
    .select({
      memberId: juryMembers.id,
      isChair: juryMembers.isChair,
      conflictsDeclaredAt: juryMembers.conflictsDeclaredAt,
      ...editionColumns,
    })
    .from(juryMembers)
    .innerJoin(editions, eq(editions.id, juryMembers.editionId))
    .where(and(eq(juryMembers.userId, userId), isNull(juryMembers.replacedAt)))
    .orderBy(sql`${editions.year} desc`)
    .all();
  return memberships.map((m) => {
    const items = db()
      .select({
        reviewId: reviews.id,
        state: reviews.state,
        title: applications.title,
        reference: applications.reference,
        updatedAt: reviews.updatedAt,
      })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(and(eq(reviews.jurorId, m.memberId), isNotNull(assignments.publishedAt), ne(reviews.state, "recused")))
      .orderBy(asc(applications.title))
      .all();
    return { ...m, reviews: items };
  });
}

const reviewColumns = {
  id: reviews.id,
  jurorId: reviews.jurorId,
  applicationId: reviews.applicationId,
  state: reviews.state,
  ...reviewWriting,
  version: reviews.version,
  submittedAt: reviews.submittedAt,
  updatedAt: reviews.updatedAt,
  editionId: assignments.editionId,
};

function scopedReview(tx: Tx | DB, reviewId: string, userId: string) {
  return readableReviews(reviewColumns, userId, eq(reviews.id, reviewId), tx)[0] ?? null;
}

/**
 * A juror's own review with the application as nominated, or null: another juror's review, an
 * unpublished assignment, a recused review or any conflict all look like nothing at all.
 */
export function getReviewForJuror({ reviewId, userId }: { reviewId: string; userId: string }) {
  const review = scopedReview(db(), reviewId, userId);
  if (!review) return null;
  const application = db()
    .select({
      ...applicationNaming,
      language: applications.language,
      nominatedContent: applications.nominatedContent,
      nominatedAt: applications.nominatedAt,
    })
    .from(applications)
    .where(eq(applications.id, review.applicationId))
    .get()!;
  const files = attachmentsOf({ applicationId: application.id });
  const letter = letterOf({ applicationId: application.id });
  const edition = getJuryEdition({ editionId: review.editionId })!;
  return { review, application, files, letter, edition, criteria: listCriteria({ editionId: review.editionId }) };
}

export function listCriteria({ editionId }: { editionId: string }) {
  return editionCriteria(editionId, {
    ...criterionTexts,
    weight: criteria.weight,
    levelDescriptors: criteria.levelDescriptors,
  });
}

/** A juror's change to their own review, made at `now`. */
type ReviewChange = { reviewId: string; userId: string; now?: Date };

export interface ReviewInput extends ReviewChange {
  intent: "save_draft" | "submit";
  version: number;
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
  confidence: number | null;
}
export type ReviewFailure = {
  ok: false;
  errors: Record<string, { message: string; vars?: Record<string, string | number> }>;
};
const reviewFail = (field: string, message: string, vars?: Record<string, string | number>): ReviewFailure => ({
  ok: false,
  errors: { [field]: { message, vars } },
});

function writableFailure(tx: Tx, editionId: string, now: Date): ReviewFailure | null {
  const edition = tx
    .select({ phase: editions.phase, scoringClosesAt: editions.scoringClosesAt })
    .from(editions)
    .where(eq(editions.id, editionId))
    .get()!;
  return scoringOpen(edition, now) ? null : reviewFail("form", "errors.jury_scoring_closed");
}

/**
 * Saves a draft or submits. Scores must lie on the edition's scale and name existing criteria;
 * a submission needs every criterion scored and a confidence level. The version must be the
 * one the juror loaded (optimistic locking): a save from an older tab writes nothing.
 */
export function saveReview(input: ReviewInput): { ok: true; version: number; state: string } | ReviewFailure {
  const now = input.now ?? new Date();
  return db().transaction((tx) => {
    const review = scopedReview(tx, input.reviewId, input.userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    if (review.state === "submitted") return reviewFail("form", "errors.jury_review_already_submitted");
    if (review.version !== input.version) return reviewFail("form", "errors.jury_version_conflict");
    const edition = tx
      .select({ scaleMin: editions.scaleMin, scaleMax: editions.scaleMax })
      .from(editions)
      .where(eq(editions.id, review.editionId))
      .get()!;
    const keys = editionCriteria(review.editionId, { key: criteria.key }, tx).map((c) => c.key);
    const errors: ReviewFailure["errors"] = {};
    for (const key of [...Object.keys(input.scores), ...Object.keys(input.comments)]) {
      if (!keys.includes(key)) errors.form = { message: "errors.jury_criterion_unknown", vars: { key } };
    }
    for (const [key, value] of Object.entries(input.scores)) {
      if (!Number.isInteger(value) || value < edition.scaleMin || value > edition.scaleMax)
        errors[`score.${key}`] = {
          message: "errors.jury_score_out_of_scale",
          vars: { min: edition.scaleMin, max: edition.scaleMax },
        };
    }
    if (
      input.confidence !== null &&
      (!Number.isInteger(input.confidence) || input.confidence < 1 || input.confidence > 5)
    )
      errors.confidence = { message: "errors.jury_confidence_invalid" };
    if (input.intent === "submit") {
      for (const key of keys)
        if (input.scores[key] === undefined && !errors[`score.${key}`])
          errors[`score.${key}`] = { message: "errors.jury_score_missing" };
      if (input.confidence === null && !errors.confidence)
        errors.confidence = { message: "errors.jury_confidence_missing" };
    }
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    const state = input.intent === "submit" ? "submitted" : "draft";
    const version = review.version + 1;
    tx.update(reviews)
      .set({
        state,
        scores: input.scores,
        comments: input.comments,
        overallComment: input.overallComment,
        confidence: input.confidence,
        version,
        updatedAt: now,
        submittedAt: state === "submitted" ? now : null,
      })
      .where(and(eq(reviews.id, review.id), eq(reviews.version, review.version)))
      .run();
    writeAudit(
      {
        actorId: input.userId,
        action: state === "submitted" ? "review.submitted" : "review.draft_saved",
        objectType: "review",
        objectId: review.id,
        details: { version, scored: Object.keys(input.scores).length },
      },
      tx,
    );
    return { ok: true as const, version, state };
  });
}

/** A submitted review goes back to draft, by its juror, while scoring is open. */
export function reopenReview({
  reviewId,
  userId,
  version,
  now = new Date(),
}: ReviewChange & { version: number }): { ok: true } | ReviewFailure {
  return db().transaction((tx) => {
    const review = scopedReview(tx, reviewId, userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    if (review.state !== "submitted") return reviewFail("form", "errors.jury_review_not_submitted");
    if (review.version !== version) return reviewFail("form", "errors.jury_version_conflict");
    tx.update(reviews)
      .set({ state: "draft", submittedAt: null, version: review.version + 1, updatedAt: now })
      .where(eq(reviews.id, review.id))
      .run();
    writeAudit(
      {
        actorId: userId,
        action: "review.reopened",
        objectType: "review",
        objectId: review.id,
        details: { version: review.version + 1 },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/**
 * A juror who discovers a conflict late: the conflict is declared, the review is recused and
 * the secretariat is told by e-mail that the application needs another juror.
 */
export function recuseReview({
  reviewId,
  userId,
  reason,
  origin,
  now = new Date(),
}: ReviewChange & { reason: string; origin: string }): { ok: true; editionId: string } | ReviewFailure {
  return db().transaction((tx) => {
    const review = scopedReview(tx, reviewId, userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    insertConflict(tx, {
      editionId: review.editionId,
      jurorId: review.jurorId,
      applicationId: review.applicationId,
      source: "declared",
      reason: reason.trim(),
      createdBy: userId,
    });
    const app = tx
      .select({ title: applications.title, reference: applications.reference })
      .from(applications)
      .where(eq(applications.id, review.applicationId))
      .get()!;
    const juror = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()!;
    const staff = tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.role, "secretariat"), isNull(users.disabledAt)))
      .all();
    for (const s of staff) {
      enqueueMail(
        {
          to: s.email,
          locale: s.locale,
          template: "jury_recusal",
          vars: {
            name: s.name,
            juror: juror.name,
            title: app.title,
            reference: app.reference,
            link: `${origin}/secretariat/editions/${review.editionId}/assignment`,
          },
        },
        tx,
      );
    }
    return { ok: true as const, editionId: review.editionId };
  });
}

/**
 * Colleagues' submitted reviews of the same application. Hidden until the juror has submitted
 * their own when the edition says so; drafts are never shown; jurors in conflict with the
 * application have no review here (their reviews are recused).
 */
export function colleagueReviews({ reviewId, userId }: { reviewId: string; userId: string }):
  | { hidden: true }
  | {
      hidden: false;
      reviews: {
        /** The colleague's letter, as the results name them (never their name: decision 065). */
        letter: string;
        scores: Record<string, number>;
        comments: Record<string, string>;
        overallComment: string;
        confidence: number | null;
      }[];
    } {
  const own = scopedReview(db(), reviewId, userId);
  if (!own) return { hidden: true };
  const edition = getJuryEdition({ editionId: own.editionId })!;
  if (edition.hideScoresUntilSubmitted && own.state !== "submitted") return { hidden: true };
  const others = db()
    .select({ jurorId: reviews.jurorId, ...reviewWriting })
    .from(reviews)
    .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
    .where(
      and(
        eq(reviews.applicationId, own.applicationId),
        ne(reviews.id, own.id),
        eq(reviews.state, "submitted"),
        noConflict,
        // A replaced juror's reviews no longer count in the results: not shown here either.
        isNull(juryMembers.replacedAt),
      ),
    )
    .all();
  const letters = jurorLetters(own.editionId);
  const lettered = others.map(({ jurorId, ...review }) => ({ letter: letters.get(jurorId) ?? "?", ...review }));
  const place = (letter: string) => [...letters.values()].indexOf(letter);
  return { hidden: false, reviews: lettered.sort((a, b) => place(a.letter) - place(b.letter)) };
}
