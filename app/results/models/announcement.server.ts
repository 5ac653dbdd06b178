// The announcement: at the instant the Director-General's decision set, the scheduled job turns
// the edition's applications into laureate or not selected, tells every applicant and
// nominating entity, and marks the edition announced. No page ever does (a GET never writes):
// the pages read the instant themselves.
import { and, asc, count, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { inJson } from "../../../db/bulk";
import { db } from "../../../db/client";
import { applications, decisions, editions, entityMembers, users } from "../../../db/schema";
import { localized, textsOf } from "../../kernel/i18n";
import { enqueueMails, type MailMessage } from "../../kernel/models/outbox.server";
import { siteOrigin } from "../../kernel/server/site.server";
import { sleepSync } from "../../kernel/server/sleep.server";
import { writeAudit, writeAudits } from "../../kernel/models/audit.server";
import { editionNaming } from "../../editions/models/columns.server";
import { applicantAddress, applicationNaming } from "../../applications/models/columns.server";
import { archiveLaureatesOf } from "./decision.server";

/** How many applications one transaction of an announcement turns laureate or not selected. */
const ANNOUNCE_CHUNK = 500;

/**
 * How long an announcement lets go of the database between two chunks. A writer kept waiting by
 * a chunk sleeps in SQLite's busy handler, 100 ms at most between two tries; chunks that follow
 * each other within microseconds leave it no moment to try in, so it could wait for the whole
 * announcement and, past its 5 s busy timeout, fail. A pause longer than that sleep always holds
 * one of its tries: a waiting write then waits for at most one chunk.
 */
const ANNOUNCE_PAUSE_MS = 120;

/**
 * Announces every decided edition whose instant has come (announcementAt ≤ now): states,
 * e-mails, audit. Only the scheduled job calls it (every JOBS_INTERVAL_MS), never a page: the
 * pages read the instant themselves. Safe to call often: an edition is announced once. Returns
 * the years announced.
 *
 * An edition's applications are announced `chunk` at a time, each chunk in one transaction with
 * its audit rows and e-mails, and the edition itself (its phase, `announcedAt`, the
 * `decision.announced` audit row) in the last: at 10,000 applications one transaction held the
 * database's write lock for seconds, longer than another writer's busy timeout (decision 034).
 * A run stopped between two chunks is finished by the next: it takes the applications still
 * eligible, and each is announced, audited and e-mailed exactly once. Between two chunks the
 * database is left alone for `pauseMs` (see ANNOUNCE_PAUSE_MS), so that no writer starves.
 */
export function announceDue(
  now = new Date(),
  origin = siteOrigin(),
  { chunk = ANNOUNCE_CHUNK, pauseMs = ANNOUNCE_PAUSE_MS } = {},
): number[] {
  const due = db()
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(isNotNull(decisions.decidedAt), isNull(decisions.announcedAt), lte(decisions.announcementAt, now)))
    .all();
  const years: number[] = [];
  for (const d of due) {
    let step: AnnouncementStep;
    for (;;) {
      step = announceChunk({ decisionId: d.id, now, origin, chunk });
      if (step !== "more") break;
      // Synchronous, as the job is: it runs alone on the reading worker, whose page reads wait
      // for it between chunks as they do during one.
      sleepSync(pauseMs);
    }
    if (typeof step === "number") years.push(step);
  }
  return years;
}

/** What one transaction of an announcement did: more to do, the year it finished, or nothing to do. */
type AnnouncementStep = "more" | number | null;

/**
 * One transaction of an announcement: the next `chunk` applications still eligible (laureate
 * or not selected, one audit row each, their e-mails); when none remain, the edition's phase,
 * `announcedAt` and the `decision.announced` audit row. Exported for the tests of a run stopped
 * between two chunks.
 */
export function announceChunk({
  decisionId,
  now,
  origin,
  chunk,
}: {
  decisionId: string;
  now: Date;
  origin: string;
  chunk: number;
}): AnnouncementStep {
  return db().transaction((tx): AnnouncementStep => {
    const decision = tx
      .select()
      .from(decisions)
      .where(and(eq(decisions.id, decisionId), isNull(decisions.announcedAt)))
      .get();
    const edition =
      decision &&
      tx
        .select({
          ...editionNaming,
        })
        .from(editions)
        .where(eq(editions.id, decision.editionId))
        .get();
    if (!decision || !edition) return null;
    const laureates = new Set(decision.laureates ?? []);
    const apps = tx
      .select({
        ...applicationNaming,
        entityId: applications.entityId,
        ...applicantAddress,
      })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .where(and(eq(applications.editionId, edition.id), eq(applications.state, "eligible")))
      .orderBy(asc(applications.reference))
      .limit(chunk + 1)
      .all();
    const last = apps.length <= chunk;
    if (!last) apps.pop();
    // Archived with the decision; a decision recorded without (before that was so) gets them here.
    archiveLaureatesOf(tx, {
      editionId: edition.id,
      year: edition.year,
      laureates: [...laureates],
      publishedAt: decision.announcementAt ?? now,
    });
    const link = `${origin}/laureates/${edition.year}`;
    const stateOf = (id: string) => (laureates.has(id) ? "laureate" : "not_selected");
    for (const state of ["laureate", "not_selected"] as const) {
      const ids = apps.filter((app) => stateOf(app.id) === state).map((app) => app.id);
      tx.update(applications).set({ state, updatedAt: now }).where(inJson(applications.id, ids)).run();
    }
    // Audited together: thousands of applications audited one row at a time held the thread.
    writeAudits(
      apps.map((app) => ({
        actorId: null,
        action: `application.${stateOf(app.id)}`,
        objectType: "application",
        objectId: app.id,
        details: { reference: app.reference, editionId: edition.id },
        at: now,
      })),
      tx,
    );
    // Each entity's members read once, not once per application.
    const entityIds = [...new Set(apps.flatMap((app) => (app.entityId ? [app.entityId] : [])))];
    const membersOf = new Map<string, { email: string; name: string; locale: string }[]>();
    for (const m of tx
      .select({ entityId: entityMembers.entityId, email: users.email, name: users.name, locale: users.locale })
      .from(entityMembers)
      .innerJoin(users, eq(users.id, entityMembers.userId))
      .where(and(inJson(entityMembers.entityId, entityIds), isNull(users.disabledAt)))
      .orderBy(asc(entityMembers.entityId), asc(entityMembers.userId))
      .all()) {
      const list = membersOf.get(m.entityId) ?? [];
      list.push(m);
      membersOf.set(m.entityId, list);
    }
    const theme = (locale: string) => localized(locale, textsOf(edition, "theme"));
    const messages: MailMessage[] = [];
    for (const app of apps) {
      const won = laureates.has(app.id);
      const vars = (name: string, locale: string) => ({
        name,
        title: app.title,
        reference: app.reference,
        year: edition.year,
        theme: theme(locale),
        link,
      });
      messages.push({
        to: app.applicantEmail,
        locale: app.applicantLocale,
        template: won ? "results_laureate" : "results_not_selected",
        vars: vars(app.applicantName, app.applicantLocale),
      });
      for (const m of app.entityId ? (membersOf.get(app.entityId) ?? []) : [])
        messages.push({
          to: m.email,
          locale: m.locale,
          template: won ? "results_entity_laureate" : "results_entity_not_selected",
          vars: vars(m.name, m.locale),
        });
    }
    enqueueMails(messages, tx);
    if (!last) return "more";
    const announced = tx
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.editionId, edition.id), inArray(applications.state, ["laureate", "not_selected"])))
      .get()!.n;
    tx.update(decisions).set({ announcedAt: now }).where(eq(decisions.id, decision.id)).run();
    tx.update(editions).set({ phase: "announced", updatedAt: now }).where(eq(editions.id, edition.id)).run();
    writeAudit(
      {
        actorId: null,
        action: "decision.announced",
        objectType: "edition",
        objectId: edition.id,
        details: { laureates: [...laureates], applications: announced, phase: "announced" },
        at: now,
      },
      tx,
    );
    return edition.year;
  });
}
