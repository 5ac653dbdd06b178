// What a page waiting for a computation off the request thread answers (a 503), shared by the
// server that throws it (app/kernel/server/computing.server.ts) and the boundary that shows it.

/** What is computed: the results (the default), or the integrity audits of an edition. */
export type ComputingSubject = "results" | "audits";

/** What the route error boundary receives: a computation under way, or one that failed. */
export type ComputingData =
  { computing: { since: number; subject: ComputingSubject } } | { computeFailed: true; subject: ComputingSubject };
