// Remix treats a route module as a page as soon as it exports a component or an ErrorBoundary:
// a document request for a file then answers 200 text/html, the page shell with the file's
// bytes escaped inside the page data. These rules are read from every file in app/routes, so a
// new file route is covered without being listed anywhere.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = join(import.meta.dirname, "../../../app/routes");

/** The names a module exports ("default" for a default export), read from its syntax tree. */
function exportedNames(source: string, fileName = "route.tsx"): Set<string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const names = new Set<string>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement)) names.add("default");
    else if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause))
        for (const e of statement.exportClause.elements) names.add(e.name.text);
      else names.add("*");
    } else if (exported(statement)) {
      if (isDefault(statement)) names.add("default");
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
        names.add(statement.name.text);
    }
  }
  return names;
}

const routes = readdirSync(ROUTES)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => {
    const source = readFileSync(join(ROUTES, f), "utf8");
    return { file: f, source, names: exportedNames(source, f) };
  });

describe("resource routes (files, redirects) stay resource routes", () => {
  it("the export reader sees every way of exporting a name", () => {
    expect(
      [...exportedNames('export { RouteErrorBoundary as ErrorBoundary } from "./e";\nexport const loader = 1;')].sort(),
    ).toEqual(["ErrorBoundary", "loader"]);
    expect([...exportedNames("export function ErrorBoundary() {}\nexport default function Page() {}")].sort()).toEqual([
      "ErrorBoundary",
      "default",
    ]);
    expect([...exportedNames("function Page() {}\nexport default Page;")]).toEqual(["default"]);
  });

  it("finds the routes that answer with a file", () => {
    const fileRoutes = routes.filter((r) => r.source.includes("kernel/server/download.server")).map((r) => r.file);
    expect(fileRoutes).toEqual(
      expect.arrayContaining([
        "attachments.$attachmentId.tsx",
        "nomination-letters.$letterId.tsx",
        "diplomas.$applicationId.tsx",
      ]),
    );
  });

  for (const route of routes) {
    if (route.names.has("default")) continue;
    it(`${route.file} has no component, so it exports no ErrorBoundary either`, () => {
      expect(route.names.has("ErrorBoundary")).toBe(false);
      expect(route.names.has("*")).toBe(false);
    });
  }

  for (const route of routes.filter((r) => r.source.includes("kernel/server/download.server"))) {
    it(`${route.file} answers with a file, so it exports neither a component nor an ErrorBoundary`, () => {
      expect(route.names.has("default")).toBe(false);
      expect(route.names.has("ErrorBoundary")).toBe(false);
    });
  }
});
