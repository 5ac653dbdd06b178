// The secretariat's screening of nominated applications: the list with filters and exports,
// duplicate detection, and per-rule eligibility decisions (each audited).
import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { PHASES, type Phase } from "../../../db/enums";
import { applications, auditLog, editions, nominatingEntities, screeningDecisions, users } from "../../../db/schema";
import type { Tx } from "../../kernel/models/transaction.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { writeAudit } from "../../kernel/models/audit.server";
import { ruleText, SCREENING_STATES } from "../domain/screening";
import { attachmentsOf, letterOf } from "./nomination.server";
import { entityMembersToTell } from "../../applications/models/application.server";
import type { Result } from "../../kernel/models/result.server";
import { untilChanged } from "../../kernel/server/memo.server";
import { editionRules } from "../../editions/models/columns.server";
import { applicationContent, applicationNaming } from "../../applications/models/columns.server";

export const PAGE_SIZE = 50;

export interface ScreeningFilters {
  editionId: string;
  country?: string;
  entityId?: string;
  language?: string;
  state?: string;
}

export function listEditionsForScreening() {
  return db()
    .select({ id: editions.id, year: editions.year, phase: editions.phase })
    .from(editions)
    .orderBy(desc(editions.year))
    .all();
}

function whereOf(f: ScreeningFilters): SQL {
  const conditions: SQL[] = [eq(applications.editionId, f.editionId)];
  conditions.push(
    inArray(
      applications.state,
      f.state && (SCREENING_STATES as readonly string[]).includes(f.state) ? [f.state] : [...SCREENING_STATES],
    ),
  );
  if (f.country) conditions.push(eq(applications.country, f.country));
  if (f.entityId) conditions.push(eq(applications.entityId, f.entityId));
  if (f.language) conditions.push(eq(applications.language, f.language));
  return and(...conditions)!;
}

const rowColumns = {
  ...applicationNaming,
  language: applications.language,
  state: applications.state,
  entityId: applications.entityId,
  entityName: nominatingEntities.name,
  sentAt: applications.sentAt,
  nominatedAt: applications.nominatedAt,
};

export function listNominated(args: ScreeningFilters & { page?: number }) {
  return untilChanged(
    { editionId: args.editionId, topics: ["submitted"], key: JSON.stringify(["listNominated", args]) },
    () => readNominated(args),
  );
}

function readNominated({ page = 1, ...filters }: ScreeningFilters & { page?: number }) {
  const where = whereOf(filters);
  const total = db().select({ n: count() }).from(applications).where(where).get()!.n;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = db()
    .select(rowColumns)
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(where)
    .orderBy(asc(applications.reference))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .all();
  const dups = duplicates({ editionId: filters.editionId });
  return { rows: rows.map((r) => ({ ...r, duplicates: dups.get(r.id) ?? [] })), total, page: current, pages };
}

/** How many of the edition's nominated applications still wait for their eligibility decision. */
export function awaitingScreening({ editionId }: { editionId: string }): number {
  return db()
    .select({ n: count() })
    .from(applications)
    .where(whereOf({ editionId, state: "nominated" }))
    .get()!.n;
}

/** The values the filters can take in this edition (keeps the selects short). */
export function filterOptions({ editionId }: { editionId: string }) {
  return untilChanged({ editionId, topics: ["submitted"], key: JSON.stringify(["filterOptions", editionId]) }, () =>
    readFilterOptions(editionId),
  );
}

function readFilterOptions(editionId: string) {
  const rows = db()
    .select({ country: applications.country, entityId: applications.entityId, entityName: nominatingEntities.name })
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(and(eq(applications.editionId, editionId), inArray(applications.state, [...SCREENING_STATES])))
    .all();
  const countries = [...new Set(rows.map((r) => r.country).filter((c): c is string => !!c))];
  const entities = new Map<string, string>();
  for (const r of rows) if (r.entityId && r.entityName) entities.set(r.entityId, r.entityName);
  return {
    countries,
    entities: [...entities].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Lower case, accents and punctuation removed, spaces collapsed. */
export function normalise(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Unicode normalisation of every title and organisation was most of the screening pages' time
// at 10,000 applications; titles change rarely, so each distinct text is normalised once.
const NORMALISED_LIMIT = 100_000;
const normalisedTexts = new Map<string, string>();
function normalisedOnce(text: string | null | undefined): string {
  const raw = text ?? "";
  let value = normalisedTexts.get(raw);
  if (value === undefined) {
    if (normalisedTexts.size >= NORMALISED_LIMIT) normalisedTexts.clear();
    value = normalise(raw);
    normalisedTexts.set(raw, value);
  }
  return value;
}

/**
 * Possible duplicates among the applications sent in an edition: the same normalised title, or
 * the same normalised organisation in the same country, sent to different entities.
 * Returns, per application id, the other applications it may duplicate.
 */
export function duplicates({ editionId }: { editionId: string }): Map<string, { id: string; reference: string }[]> {
  return untilChanged({ editionId, topics: ["submitted"], key: JSON.stringify(["duplicates", editionId]) }, () =>
    findDuplicates(editionId),
  );
}

function findDuplicates(editionId: string, database: DB = db()): Map<string, { id: string; reference: string }[]> {
  const rows = database
    .select({
      ...applicationNaming,
      entityId: applications.entityId,
    })
    .from(applications)
    .where(
      and(
        eq(applications.editionId, editionId),
        isNotNull(applications.sentAt),
        isNotNull(applications.entityId),
        ne(applications.state, "draft"),
      ),
    )
    .all();
  const groups = new Map<string, typeof rows>();
  const add = (key: string, row: (typeof rows)[number]) => {
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  };
  for (const row of rows) {
    const title = normalisedOnce(row.title);
    if (title) add(`t:${title}`, row);
    const org = normalisedOnce(row.organisation);
    if (org && row.country) add(`o:${org}|${row.country}`, row);
  }
  const out = new Map<string, { id: string; reference: string }[]>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      for (const b of list) {
        if (a.id === b.id || a.entityId === b.entityId) continue;
        const existing = out.get(a.id) ?? [];
        if (!existing.some((x) => x.id === b.id)) existing.push({ id: b.id, reference: b.reference });
        out.set(a.id, existing);
      }
    }
  }
  return out;
}

export function rulesOf({ editionId }: { editionId: string }) {
  return editionRules(editionId);
}

export function screeningLocked(phase: string): boolean {
  return PHASES.indexOf(phase as Phase) >= PHASES.indexOf("scoring");
}

/** A sent application (the rules form is for nominated ones) with everything the secretariat needs to screen it. */
export function getApplicationForScreening({ applicationId }: { applicationId: string }) {
  const row = db()
    .select({
      ...applicationContent,
      nominatedContent: applications.nominatedContent,
      nominatedAt: applications.nominatedAt,
      screenedAt: applications.screenedAt,
      entityName: nominatingEntities.name,
      phase: editions.phase,
      year: editions.year,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(and(eq(applications.id, applicationId), ne(applications.state, "draft")))
    .get();
  if (!row) return null;
  const decisions = db()
    .select({
      ruleKey: screeningDecisions.ruleKey,
      outcome: screeningDecisions.outcome,
      evidence: screeningDecisions.evidence,
      decidedAt: screeningDecisions.decidedAt,
    })
    .from(screeningDecisions)
    .where(eq(screeningDecisions.applicationId, applicationId))
    .all();
  const dups = duplicates({ editionId: row.editionId }).get(applicationId) ?? [];
  return {
    ...row,
    rules: rulesOf({ editionId: row.editionId }),
    decisions,
    duplicates: dups,
    attachments: attachmentsOf({ applicationId }),
    letter: letterOf({ applicationId }),
  };
}

export type RuleDecision = { ruleKey: string; outcome: "pass" | "fail"; evidence: string };

/**
 * The application's last screening outcome (its audit says so): eligible or ineligible, with the
 * rules it failed, or null before any. A decision withdrawn (screening reopened) is no outcome:
 * what the applicant was last told stands until another outcome.
 */
function lastOutcome(tx: Tx, applicationId: string): { ineligible: boolean; failed: string[] } | null {
  const row = tx
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    // By object type and id first: the audit log's index (audit_object) answers it.
    .where(
      and(
        eq(auditLog.objectType, "application"),
        eq(auditLog.objectId, applicationId),
        inArray(auditLog.action, ["application.ineligible", "application.eligible"]),
      ),
    )
    .orderBy(desc(auditLog.id))
    .get();
  if (!row) return null;
  const failed = (JSON.parse(row.details) as { failed?: string[] }).failed ?? [];
  return { ineligible: row.action === "application.ineligible", failed };
}

/**
 * Records the decisions given (partial saves allowed), in one transaction with an audit row per
 * changed decision. When every rule is decided the state follows: eligible if all pass, else
 * ineligible, and an ineligible candidate is told why by e-mail, in their language.
 */
export function decideRules({
  applicationId,
  editionId,
  actorId,
  decisions,
  now = new Date(),
}: {
  applicationId: string;
  editionId: string;
  actorId: string;
  decisions: RuleDecision[];
  now?: Date;
}): Result<{ state: string }> {
  return db().transaction((tx): Result<{ state: string }> => {
    const app = tx
      .select({
        state: applications.state,
        editionId: applications.editionId,
        reference: applications.reference,
        title: applications.title,
        entityId: applications.entityId,
        phase: editions.phase,
        email: users.email,
        name: users.name,
        locale: users.locale,
      })
      .from(applications)
      .innerJoin(editions, eq(editions.id, applications.editionId))
      .innerJoin(users, eq(users.id, applications.applicantId))
      .where(eq(applications.id, applicationId))
      .get();
    if (!app || !(["nominated", "eligible", "ineligible"] as string[]).includes(app.state))
      return { ok: false, error: "errors.state_changed" };
    if (app.editionId !== editionId) return { ok: false, error: "errors.form_tampered" };
    if (screeningLocked(app.phase)) return { ok: false, error: "errors.screening_locked" };
    const rules = editionRules(editionId, tx);
    const known = new Set(rules.map((r) => r.key));
    if (decisions.some((d) => !known.has(d.ruleKey))) return { ok: false, error: "errors.form_tampered" };
    const before = new Map(
      tx
        .select({
          ruleKey: screeningDecisions.ruleKey,
          outcome: screeningDecisions.outcome,
          evidence: screeningDecisions.evidence,
        })
        .from(screeningDecisions)
        .where(eq(screeningDecisions.applicationId, applicationId))
        .all()
        .map((d) => [d.ruleKey, d]),
    );
    for (const d of decisions) {
      const prior = before.get(d.ruleKey);
      if (prior && prior.outcome === d.outcome && prior.evidence === d.evidence) continue;
      tx.insert(screeningDecisions)
        .values({
          applicationId,
          ruleKey: d.ruleKey,
          outcome: d.outcome,
          evidence: d.evidence,
          decidedBy: actorId,
          decidedAt: now,
        })
        .onConflictDoUpdate({
          target: [screeningDecisions.applicationId, screeningDecisions.ruleKey],
          set: { outcome: d.outcome, evidence: d.evidence, decidedBy: actorId, decidedAt: now },
        })
        .run();
      writeAudit(
        {
          actorId,
          action: prior ? "screening.decision_corrected" : "screening.decided",
          objectType: "application",
          objectId: applicationId,
          details: { ruleKey: d.ruleKey, outcome: d.outcome, evidence: d.evidence, previous: prior ?? null },
        },
        tx,
      );
      before.set(d.ruleKey, { ruleKey: d.ruleKey, outcome: d.outcome, evidence: d.evidence });
    }
    const all = rules.map((r) => before.get(r.key));
    let state = app.state;
    if (rules.length > 0 && all.every(Boolean)) {
      const failed = rules.filter((r) => before.get(r.key)!.outcome === "fail");
      state = failed.length === 0 ? "eligible" : "ineligible";
      const last = lastOutcome(tx, applicationId); // read before this outcome's own audit row
      const failedKeys = failed
        .map((r) => r.key)
        .sort()
        .join();
      const sameAgain = !!last?.ineligible && [...last.failed].sort().join() === failedKeys;
      // Still ineligible, but for other rules than the applicant was told: they hear the new reasons.
      const newReasons = state === "ineligible" && app.state === "ineligible" && !!last?.ineligible && !sameAgain;
      if (state !== app.state || newReasons) {
        tx.update(applications)
          .set({ state, screenedAt: now, updatedAt: now })
          .where(eq(applications.id, applicationId))
          .run();
        writeAudit(
          {
            actorId,
            action: `application.${state}`,
            objectType: "application",
            objectId: applicationId,
            details: { from: app.state, failed: failed.map((r) => r.key) },
          },
          tx,
        );
        const reasons = (locale: string) =>
          failed.map((r) => `- ${ruleText(r, locale)}\n  ${before.get(r.key)!.evidence}`).join("\n");
        // An ineligibility, unless the last outcome was this same one (screening reopened, then the
        // same decision again: they were told already); or the correction of an ineligibility
        // the applicant and the entity were told, unless they were told since that it was corrected.
        const told =
          state === "ineligible"
            ? sameAgain
              ? null
              : "application_ineligible"
            : last?.ineligible
              ? "application_eligible_corrected"
              : null;
        if (told) {
          const vars = { title: app.title, reference: app.reference };
          enqueueMail(
            {
              to: app.email,
              locale: app.locale,
              template: told,
              vars: { ...vars, name: app.name, reasons: reasons(app.locale) },
            },
            tx,
          );
          // The entity that nominated it used a nomination on it: it hears what became of it.
          for (const m of app.entityId ? entityMembersToTell(app.entityId, tx) : [])
            enqueueMail(
              {
                to: m.email,
                locale: m.locale,
                template: `${told}_entity`,
                vars: { ...vars, name: m.name, entity: m.entity, reasons: reasons(m.locale) },
              },
              tx,
            );
        }
      }
    } else if (app.state !== "nominated") {
      // A decision was withdrawn back to undecided: the application waits for screening again.
      tx.update(applications)
        .set({ state: "nominated", screenedAt: null, updatedAt: now })
        .where(eq(applications.id, applicationId))
        .run();
      writeAudit(
        {
          actorId,
          action: "application.screening_reopened",
          objectType: "application",
          objectId: applicationId,
          details: { from: app.state },
        },
        tx,
      );
      state = "nominated";
    }
    return { ok: true, state };
  });
}

/**
 * Every row of the filtered list with its possible duplicates. On `database` (the reading
 * worker's snapshot, decision 032) the duplicates are found on it too, not taken from this
 * process's cache.
 */
export function exportRows(filters: ScreeningFilters, database?: DB) {
  const rows = (database ?? db())
    .select(rowColumns)
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(whereOf(filters))
    .orderBy(asc(applications.reference))
    .all();
  const dups = database ? findDuplicates(filters.editionId, database) : duplicates({ editionId: filters.editionId });
  return rows.map((r) => ({ ...r, duplicates: (dups.get(r.id) ?? []).map((d) => d.reference) }));
}
