// The public archive of laureates: every published laureate since 2006 (seeded) plus those
// decided in this system, written with the decision and published at its announcement instant.
// Only rows published at or before now are ever returned: visibility is decided when read.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "../../../db/client";
import { applications, archiveLaureates, decisions, editions } from "../../../db/schema";
import { isAnnounced } from "./outcome.server";

// 25 rows a page keeps the page under the DOM budget of EcoIndex grade A.
export const ARCHIVE_PAGE_SIZE = 25;

// A laureate of an edition decided here is public from the decision's announcement instant (the
// one the job announces at; the row's publishedAt is a copy of it), a seeded one from publishedAt.
function published(now: Date): SQL {
  return sql`coalesce((select ${decisions.announcementAt} from ${decisions} where ${decisions.editionId} = ${archiveLaureates.editionId} and ${decisions.decidedAt} is not null), ${archiveLaureates.publishedAt}) <= ${now.getTime()}`;
}

/** What names a laureate in the archive: the row, the project, who ran it and where. */
const laureateNaming = {
  id: archiveLaureates.id,
  project: archiveLaureates.project,
  organisation: archiveLaureates.organisation,
  country: archiveLaureates.country,
};

export function listArchive({
  year,
  country,
  page,
  now = new Date(),
}: {
  year?: number;
  country?: string;
  page: number;
  now?: Date;
}) {
  const where: SQL[] = [published(now)];
  if (year) where.push(eq(archiveLaureates.year, year));
  if (country) where.push(eq(archiveLaureates.country, country));
  const total =
    db()
      .select({ n: count() })
      .from(archiveLaureates)
      .where(and(...where))
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db()
    .select({ ...laureateNaming, year: archiveLaureates.year })
    .from(archiveLaureates)
    .where(and(...where))
    .orderBy(desc(archiveLaureates.year), asc(archiveLaureates.project))
    .limit(ARCHIVE_PAGE_SIZE)
    .offset((current - 1) * ARCHIVE_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pages };
}

/** Years and countries that have published laureates, for the filters. */
export function archiveFacets({ now = new Date() }: { now?: Date } = {}) {
  const rows = db()
    .selectDistinct({ year: archiveLaureates.year, country: archiveLaureates.country })
    .from(archiveLaureates)
    .where(published(now))
    .all();
  return {
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a),
    countries: [...new Set(rows.map((r) => r.country).filter(Boolean))],
  };
}

/**
 * One edition's published laureates, with the theme and the jury's citations when the edition
 * ran in this system. Null when nothing of that year is published yet (→ 404).
 */
export function editionLaureates({ year, now = new Date() }: { year: number; now?: Date }) {
  const rows = db()
    .select({
      ...laureateNaming,
      applicationId: archiveLaureates.applicationId,
      editionId: archiveLaureates.editionId,
      publishedAt: archiveLaureates.publishedAt,
    })
    .from(archiveLaureates)
    .where(and(eq(archiveLaureates.year, year), published(now)))
    .orderBy(asc(archiveLaureates.project))
    .all();
  if (rows.length === 0) return null;
  const editionId = rows.find((r) => r.editionId)?.editionId ?? null;
  let edition = null;
  let citations: Record<string, { en: string; fr: string }> = {};
  let order: string[] = [];
  if (editionId) {
    edition =
      db()
        .select({ themeEn: editions.themeEn, themeFr: editions.themeFr, themeAr: editions.themeAr })
        .from(editions)
        .where(eq(editions.id, editionId))
        .get() ?? null;
    const d = db()
      .select({
        citations: decisions.citations,
        laureates: decisions.laureates,
        decidedAt: decisions.decidedAt,
        announcementAt: decisions.announcementAt,
      })
      .from(decisions)
      .where(eq(decisions.editionId, editionId))
      .get();
    if (d && isAnnounced(d, now)) {
      citations = d.citations ?? {};
      order = d.laureates ?? [];
    }
  }
  const owners = new Map<string, string>();
  const appIds = rows.map((r) => r.applicationId).filter((id): id is string => !!id);
  if (appIds.length)
    for (const a of db()
      .select({ id: applications.id, applicantId: applications.applicantId })
      .from(applications)
      .where(inArray(applications.id, appIds))
      .all())
      owners.set(a.id, a.applicantId);
  const position = (id: string | null) => (id && order.includes(id) ? order.indexOf(id) : 999);
  const laureates = rows
    .sort((a, b) => position(a.applicationId) - position(b.applicationId))
    .map((r) => ({
      id: r.id,
      project: r.project,
      organisation: r.organisation,
      country: r.country,
      applicationId: r.applicationId,
      applicantId: r.applicationId ? (owners.get(r.applicationId) ?? null) : null,
      citation: r.applicationId ? (citations[r.applicationId] ?? null) : null,
    }));
  return { year, edition, laureates, publishedAt: rows[0].publishedAt };
}

/**
 * What a diploma needs, with its owner (the laureate applicant: who may download it is the
 * permission rule's to say), only from the announcement instant (whether or not the job has
 * recorded it yet), like the public page. Null otherwise (→ 404).
 */
export function diplomaFor({ applicationId, now = new Date() }: { applicationId: string; now?: Date }) {
  const row = db()
    .select({
      applicantId: applications.applicantId,
      title: applications.title,
      organisation: applications.organisation,
      country: applications.country,
      state: applications.state,
      year: editions.year,
      themeEn: editions.themeEn,
      themeFr: editions.themeFr,
      laureates: decisions.laureates,
      decidedAt: decisions.decidedAt,
      announcementAt: decisions.announcementAt,
      decisionDate: decisions.decisionDate,
      citations: decisions.citations,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .innerJoin(decisions, eq(decisions.editionId, editions.id))
    .where(and(eq(applications.id, applicationId), inArray(applications.state, ["eligible", "laureate"])))
    .get();
  if (!row || !isAnnounced(row, now) || !(row.laureates ?? []).includes(applicationId)) return null;
  return row;
}

/**
 * What the laureate's own pages (the applicant's, the nominating entity's) add to "Laureate": the
 * jury's citation and the announcement instant, with whose diploma it is (for the permission rule).
 * Null exactly when the diploma is: before the announcement instant nothing of the decision leaks.
 */
export function laureateOutcome({ applicationId, now = new Date() }: { applicationId: string; now?: Date }) {
  const row = diplomaFor({ applicationId, now });
  if (!row) return null;
  return {
    applicantId: row.applicantId,
    announcementAt: row.announcementAt!,
    citation: row.citations?.[applicationId] ?? null,
  };
}
