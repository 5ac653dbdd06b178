// An edition's observers: someone invited by the secretariat (from UNESCO's oversight, a donor)
// who follows that edition's process read-only and may file one note, which joins the decision
// snapshot when the decision is recorded.
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { editions } from "./editions";
import { createdAt, id, ts } from "./columns";

export const editionObservers = sqliteTable(
  "edition_observers",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    noteUpdatedAt: ts("note_updated_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("edition_observers_edition_user").on(t.editionId, t.userId),
    index("edition_observers_user").on(t.userId),
  ],
);
