// The observer reads the edition's audit log in words, in their language: every action and object
// type the app (or the demo's seed) can write has its words in the observer's catalogue, and the
// page shows them, with the action's code beside it; a code without words shows as itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { editionObservers } from "../../../db/schema";
import * as audit from "../../../app/routes/observe.$editionId.audit";
import { auditMessages } from "../../../app/kernel/i18n/areas/audit";
import { LOCALES } from "../../../app/kernel/i18n";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { cookieFor, makeEdition, makeUser, request, run } from "../../fixtures/builders";
import { renderPage } from "../../support/render-page";

/** Where audit rows are written: the app, and the demo's seed (its log is an observer's too). */
const SOURCES = ["app", "scripts/seed"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const sources = SOURCES.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(file, "utf8") }));

/** Functions that take an action and write it: their calls name codes as arguments. */
const AUDIT_HELPERS = [
  "auditUser",
  "auditEdition",
  "auditApplication",
  "auditConflict",
  "conflictAuditEntry",
  "changeOwn",
];

/** Actions built from a template, with every value the template can take (follow the variable). */
const BUILT: Record<string, string[]> = {
  // nominations/models/screening.server.ts: a screened application's new state.
  "`application.${state}`": ["application.eligible", "application.ineligible"],
  // results/models/announcement.server.ts: stateOf gives "laureate" or "not_selected".
  "`application.${stateOf(app.id)}`": ["application.laureate", "application.not_selected"],
  // editions/models/edition.server.ts: `item` is LISTS' "criterion" or "rule".
  "`${item}.added`": ["criterion.added", "rule.added"],
  "`${item}.updated`": ["criterion.updated", "rule.updated"],
  "`${item}.removed`": ["criterion.removed", "rule.removed"],
};

const CODE = /"([a-z_]+\.[a-z_]+)"/g;
const TEMPLATE = /`[^`\n]*\$\{[^`\n]*`/g;
const codesIn = (text: string) => [...text.matchAll(CODE)].map((m) => m[1]);

/** Every action and object type the sources can write, and the templates met on the way. */
function writtenCodes() {
  const actions = new Set<string>();
  const objectTypes = new Set<string>();
  const templates = new Set<string>();
  const helpers = new Set<string>();
  const take = (text: string) => {
    codesIn(text).forEach((code) => actions.add(code));
    for (const [template] of text.matchAll(TEMPLATE)) templates.add(template);
  };
  const helperCall = new RegExp(`\\b(?:${AUDIT_HELPERS.join("|")})\\(`, "g");
  for (const { text } of sources) {
    // `action: "…"` (both of a ternary's), `const action = … ? "…" : "…"`, in audit entries and
    // in the events `lastAudited` looks for.
    for (const [, rest] of text.matchAll(/\b(?:action: |const action = )([^\n]*)/g))
      if (!/^(?:string\b|[A-Z])/.test(rest)) take(rest); // not a type: `action: string`, `action: Action`
    // A helper's call, up to the end of its statement.
    for (const m of text.matchAll(helperCall)) take(text.slice(m.index, text.indexOf(";", m.index)));
    for (const [, type] of text.matchAll(/\bobjectType: "([a-z_]+)"/g)) objectTypes.add(type);
    // A function taking an action and writing it (or making its entry) is a helper whose calls must be read.
    for (const m of text.matchAll(/function (\w+)\(([^)]*)\)/g)) {
      const body = text.slice(m.index, text.indexOf("\n}", m.index));
      if (/\baction: string\b/.test(m[2]) && /writeAudits?\(|\): AuditEntry \{/.test(body)) helpers.add(m[1]);
    }
  }
  for (const template of templates) BUILT[template]?.forEach((code) => actions.add(code));
  return { actions, objectTypes, templates, helpers };
}

const written = writtenCodes();
const messages = auditMessages as Record<(typeof LOCALES)[number], Record<string, string>>;

describe("the words for the audit log's codes", () => {
  it("are found by reading the sources: the codes, the helpers and the built ones", () => {
    // A sanity check of the reading itself, so that it cannot pass by finding nothing.
    expect(written.actions.size).toBeGreaterThan(80);
    for (const code of ["decision.recorded", "edition.phase_changed", "tie_break.changed", "conflict.proposed"])
      expect(written.actions).toContain(code);
    // From a helper's call, a `const action`, a template and the seed.
    for (const code of ["user.password_reset", "user.login_failed", "criterion.moved", "assignments.published"])
      expect(written.actions).toContain(code);
    expect([...written.objectTypes].sort()).toEqual(
      expect.arrayContaining(["application", "conflict", "edition", "jury_member", "user"]),
    );
    // A new helper, or a new action built from a template, has to be listed here with its values.
    expect([...written.helpers].filter((name) => !AUDIT_HELPERS.includes(name))).toEqual([]);
    expect([...written.templates].filter((template) => !(template in BUILT))).toEqual([]);
  });

  it("exist in English, French and Arabic for every action the app or the demo can write", () => {
    for (const locale of LOCALES) {
      const missing = [...written.actions].filter((code) => !messages[locale][`audit.action.${code}`]?.trim());
      expect(missing, locale).toEqual([]);
    }
  });

  it("exist in English, French and Arabic for every object type the app or the demo can write", () => {
    for (const locale of LOCALES) {
      const missing = [...written.objectTypes].filter((type) => !messages[locale][`audit.object.${type}`]?.trim());
      expect(missing, locale).toEqual([]);
    }
  });

  it("are only for codes that can be written: none is left behind by a code gone", () => {
    const keys = Object.keys(messages.en);
    const actions = keys.filter((k) => k.startsWith("audit.action.")).map((k) => k.slice("audit.action.".length));
    const types = keys.filter((k) => k.startsWith("audit.object.")).map((k) => k.slice("audit.object.".length));
    expect(actions.filter((code) => !written.actions.has(code))).toEqual([]);
    expect(types.filter((type) => !written.objectTypes.has(type))).toEqual([]);
  });
});

describe("the observer's audit log page", () => {
  const args = (req: Request, params: Record<string, string>) => ({
    request: req,
    params,
    context: { clientAddress: "203.0.113.9" },
  });

  async function auditPage(locale: "en" | "fr" | "ar") {
    const edition = makeEdition();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const observer = await makeUser({ roles: [] });
    db().insert(editionObservers).values({ editionId: edition.id, userId: observer.id }).run();
    const about = { objectType: "edition", objectId: edition.id };
    const row = (entry: { action: string; objectType?: string }) =>
      writeAudit({ actorId: secretariat.id, ...about, details: { editionId: edition.id }, ...entry });
    row({ action: "edition.phase_changed" });
    row({ action: "tie_break.changed" });
    row({ action: "conflict.proposed", objectType: "conflict" });
    row({ action: "decision.recorded" });
    // An old row's code, with no words (and an object type with none).
    row({ action: "legacy.something_done", objectType: "gadget" });
    const cookie = await cookieFor(observer.id);
    const params = { editionId: edition.id };
    const loaded = await run(() => audit.loader(args(request(`/observe/${edition.id}/audit`, { cookie }), params)));
    expect(loaded.status).toBe(200);
    return renderPage(audit.default, { locale, data: loaded.body, path: `/observe/${edition.id}/audit` });
  }

  /** The action's words, then its code, smaller, beside them. */
  const wordsAndCode = (words: string, code: string) =>
    `${words}<br/><small class="muted"><code dir="ltr">${code}</code></small>`;

  it("shows each action in the reader's words, with its code beside it, and the object type in words", async () => {
    const html = await auditPage("fr");
    expect(html).toContain(wordsAndCode("Décision enregistrée", "decision.recorded"));
    expect(html).toContain(wordsAndCode("Édition passée à la phase suivante", "edition.phase_changed"));
    expect(html).toContain(wordsAndCode("Règle de départage modifiée", "tie_break.changed"));
    expect(html).toContain(wordsAndCode("Conflit d’intérêts proposé", "conflict.proposed"));
    // Never the code alone, where there are words for it.
    expect(html).not.toMatch(/<td><code dir="ltr">decision\.recorded<\/code>/);
    expect(html).toContain("<td>Conflit d’intérêts</td>");
    expect(html).toContain("<td>Édition</td>");
    expect(html).not.toContain(">edition<");
    // Its times are Paris time, as everywhere else, said once in the column's head.
    expect(html).toMatch(/<th scope="col">Date \(heure de Paris\)<\/th>/);

    const arabic = await auditPage("ar");
    expect(arabic).toContain(wordsAndCode("تم تسجيل القرار", "decision.recorded"));
    expect(arabic).toContain("<td>الدورة</td>");
  });

  it("shows a code it has no words for as the code itself, never a catalogue key", async () => {
    const html = await auditPage("fr");
    expect(html).toContain('<td><code dir="ltr">legacy.something_done</code></td>');
    expect(html).toContain('<td><code dir="ltr">gadget</code></td>');
    expect(html).not.toContain("audit.action.");
    expect(html).not.toContain("audit.object.");
  });
});
