// Server-side entry to the nomination schemas: routes import them from here so that, while the
// browser does not run them, zod stays out of the browser bundle (first-visit budget).
export * from "./nomination";
