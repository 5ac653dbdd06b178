// Invitations to join as a nominator, a juror, a member of the secretariat or an edition's observer.
import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { INVITATION_ROLES, LOCALES } from "../enums";
import { users } from "./accounts";
import { editions } from "./editions";
import { nominatingEntities } from "./entities";
import { createdAt, id, inList, ts } from "./columns";

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    locale: text("locale").notNull().default("en"),
    role: text("role").notNull(),
    entityId: text("entity_id").references(() => nominatingEntities.id, { onDelete: "cascade" }),
    editionId: text("edition_id").references(() => editions.id, { onDelete: "cascade" }),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    jurorCountry: text("juror_country"),
    jurorLanguages: text("juror_languages", { mode: "json" }).$type<string[]>(),
    invitedBy: text("invited_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    acceptedUserId: text("accepted_user_id").references(() => users.id),
    // Set with expiresAt when the secretariat withdraws an invitation not yet accepted: the list
    // says "withdrawn" rather than "expired" (migration 0017).
    withdrawnAt: ts("withdrawn_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    check("invitations_role", inList("role", INVITATION_ROLES)),
    check("invitations_nominator_entity", sql`role <> 'nominator' or entity_id is not null`),
    check("invitations_juror_edition", sql`role <> 'juror' or edition_id is not null`),
    check("invitations_observer_edition", sql`role <> 'observer' or edition_id is not null`),
    check("invitations_locale", inList("locale", LOCALES)),
  ],
);
