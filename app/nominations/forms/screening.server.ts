// Server-side entry to the screening schema (see nomination.server.ts for why).
export * from "./screening";
