import { asc, count, desc, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { editions, entityMembers, nominatingEntities } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import { editionNaming } from "../../editions/models/columns.server";
import { entityNaming } from "./columns.server";

/** The register's entities with how many members each has, in the order the caller adds. */
function entitiesWithMembers() {
  return db()
    .select({ ...entityNaming, members: count(entityMembers.userId) })
    .from(nominatingEntities)
    .leftJoin(entityMembers, eq(entityMembers.entityId, nominatingEntities.id))
    .groupBy(nominatingEntities.id);
}

export function listEntities() {
  return entitiesWithMembers().orderBy(asc(nominatingEntities.name)).all();
}

export const ENTITIES_PER_PAGE = 25;

/** One page of the register, newest first, with the total for the pager. */
export function listEntitiesPage({ page }: { page: number }) {
  const total = db().select({ n: count() }).from(nominatingEntities).get()?.n ?? 0;
  const rows = entitiesWithMembers()
    .orderBy(desc(nominatingEntities.createdAt), asc(nominatingEntities.name))
    .limit(ENTITIES_PER_PAGE)
    .offset((Math.max(1, page) - 1) * ENTITIES_PER_PAGE)
    .all();
  return { rows, total, pages: Math.max(1, Math.ceil(total / ENTITIES_PER_PAGE)) };
}

export function createEntity({
  actorId,
  kind,
  name,
  country,
}: {
  actorId: string;
  kind: "national_commission" | "ngo";
  name: string;
  country: string | null;
}): { ok: true; entityId: string } | Failure {
  const existing = db().select(entityNaming).from(nominatingEntities).all();
  if (existing.some((e) => e.name.toLowerCase() === name.trim().toLowerCase()))
    return { ok: false, field: "name", error: "errors.entity_name_taken" };
  if (
    kind === "national_commission" &&
    existing.some((e) => e.kind === "national_commission" && e.country === country)
  ) {
    return { ok: false, field: "country", error: "errors.entity_country_taken" };
  }
  const entityId = db().transaction((tx) => {
    const row = tx
      .insert(nominatingEntities)
      .values({ kind, name: name.trim(), country: kind === "national_commission" ? country : country || null })
      .returning({ id: nominatingEntities.id })
      .get();
    writeAudit(
      {
        actorId,
        action: "entity.created",
        objectType: "nominating_entity",
        objectId: row.id,
        details: { kind, name, country },
      },
      tx,
    );
    return row.id;
  });
  return { ok: true, entityId };
}

/** The editions by year; with `latest`, only the last that many (still in year order). */
export function listEditionsBrief({ latest }: { latest?: number } = {}) {
  const query = db()
    .select({
      ...editionNaming,
      phase: editions.phase,
    })
    .from(editions)
    .$dynamic();
  if (latest === undefined) return query.orderBy(asc(editions.year)).all();
  return query.orderBy(desc(editions.year)).limit(latest).all().reverse();
}
