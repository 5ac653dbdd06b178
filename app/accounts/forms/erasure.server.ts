// The action side of the form: keeps zod out of the browser bundle (see ValidatedForm).
export * from "./erasure";
