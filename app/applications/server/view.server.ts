// The application's sections as plain data for ApplicationView, computed on the server so that
// the component does not import application-sections.ts (and zod with it) into the browser.
import { SECTIONS } from "../domain/sections";
import type { ViewSection } from "../components/view";

export function viewSections(): ViewSection[] {
  return SECTIONS.map((s) => ({
    key: s.key,
    fields: s.fields.filter((f) => !f.auditOnly).map((f) => ({ key: f.key, kind: f.kind })),
  }));
}
