// Nominating entities (National Commissions and NGOs), their members, and their own settings
// for an edition.
import { sql } from "drizzle-orm";
import { check, index, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ENTITY_KINDS } from "../enums";
import { users } from "./accounts";
import { editions } from "./editions";
import { createdAt, id, inList, ts } from "./columns";

export const nominatingEntities = sqliteTable(
  "nominating_entities",
  {
    id: id(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    country: text("country"),
    createdAt: createdAt(),
  },
  (t) => [
    check("entities_kind", inList("kind", ENTITY_KINDS)),
    // A National Commission belongs to exactly one Member State.
    check("entities_country", sql`kind <> 'national_commission' or country is not null`),
    uniqueIndex("entities_one_commission_per_country")
      .on(t.country)
      .where(sql`kind = 'national_commission'`),
    uniqueIndex("entities_name_unique").on(t.name),
  ],
);

export const entityMembers = sqliteTable(
  "entity_members",
  {
    entityId: text("entity_id")
      .notNull()
      .references(() => nominatingEntities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.userId] }), index("entity_members_user").on(t.userId)],
);

/** A nominating entity's own settings for one edition (e.g. its earlier, national deadline). */
export const entityEditionSettings = sqliteTable(
  "entity_edition_settings",
  {
    entityId: text("entity_id")
      .notNull()
      .references(() => nominatingEntities.id, { onDelete: "cascade" }),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    internalDeadlineAt: ts("internal_deadline_at"),
    extraRequirements: text("extra_requirements"),
    updatedAt: ts("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.editionId] })],
);
