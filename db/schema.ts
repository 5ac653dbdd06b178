// The whole data model in one module, as drizzle reads it (the client's `schema` and
// drizzle-kit both take every table from here); the tables themselves are in db/tables/, one
// file per area, with the column kinds they share in db/tables/columns.ts.
export * from "./tables/accounts";
export * from "./tables/entities";
export * from "./tables/editions";
export * from "./tables/invitations";
export * from "./tables/jury";
export * from "./tables/observers";
export * from "./tables/tie-breaks";
export * from "./tables/applications";
export * from "./tables/results";
export * from "./tables/kernel";
