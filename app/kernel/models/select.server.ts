// Shared queries that take the caller's columns (an area's criteria, jury seats, readable reviews…).
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { SelectedFields } from "drizzle-orm/sqlite-core";

/**
 * Runs `query` with the caller's columns and types its rows by them. Drizzle cannot resolve its
 * builder's types for a generic selection, so the query selects through the wide `SelectedFields`.
 */
export function selectWith<T extends SelectedFields>(
  columns: T,
  query: (fields: SelectedFields) => unknown[],
): SelectResultFields<T>[] {
  return query(columns) as SelectResultFields<T>[];
}
