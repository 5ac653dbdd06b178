// A rule nobody asks is a rule nobody keeps true: every rule and every helper the permissions
// module exports must be asked somewhere in app/ outside the module (tests do not count). A rule
// counts as asked when a call names it (can, authorize, requirePermission) or when it stands
// behind a helper the module exports and app/ calls (requireSecretariat).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../../../app/accounts/server/permissions.server";

const APP = join(import.meta.dirname, "../../../app");
const MODULE = join(APP, "accounts/server/permissions.server.ts");
const ASKING = new Set(["can", "authorize", "requirePermission"]);

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The rules a piece of code asks for: string literals in the action argument of can/authorize/requirePermission. */
function rulesAsked(root: ts.Node): Set<string> {
  const asked = new Set<string>();
  const literals = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) asked.add(node.text);
    ts.forEachChild(node, literals);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      ASKING.has(node.expression.text) &&
      node.arguments[1]
    )
      literals(node.arguments[1]);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return asked;
}

function identifiers(root: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return names;
}

const permissions = parse(MODULE);
const exportedFunctions = permissions.statements.filter(
  (s): s is ts.FunctionDeclaration =>
    ts.isFunctionDeclaration(s) &&
    !!s.name &&
    (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
);
const app = filesUnder(APP)
  .filter((f) => f !== MODULE)
  .map(parse);
const askedInApp = new Set(app.flatMap((f) => [...rulesAsked(f)]));
const namedInApp = new Set(app.flatMap((f) => [...identifiers(f)]));

describe("the permissions module holds no dead rule", () => {
  it("the reader finds the rules a call asks for, in a conditional too", () => {
    const code = ts.createSourceFile(
      "x.ts",
      'can(u, "a.read"); authorize(u, x ? "b.edit" : "c.edit", {}); other(u, "d.x"); requirePermission(r, "e.go");',
      ts.ScriptTarget.Latest,
      true,
    );
    expect([...rulesAsked(code)].sort()).toEqual(["a.read", "b.edit", "c.edit", "e.go"]);
  });

  it("every helper the module exports is called in app/", () => {
    expect(exportedFunctions.length).toBeGreaterThan(0);
    const unused = exportedFunctions.map((f) => f.name!.text).filter((name) => !namedInApp.has(name));
    expect(unused, `exported by ${relative(APP, MODULE)} but used nowhere else in app/`).toEqual([]);
  });

  it("every rule is asked in app/, by name or through a helper app/ calls", () => {
    const throughHelpers = new Set(
      exportedFunctions.filter((f) => namedInApp.has(f.name!.text)).flatMap((f) => [...rulesAsked(f)]),
    );
    const unasked = ACTIONS.filter((action) => !askedInApp.has(action) && !throughHelpers.has(action));
    expect(unasked, `rules of ${relative(APP, MODULE)} that app/ never asks`).toEqual([]);
  });
});
