// The first line of every loader and action is the auth call: a helper of
// app/accounts/server/permissions.server.ts (requireUser, requirePermission, requireSecretariat),
// or, on a public page, getSessionUser. A loader that only redirects reads nothing and is
// exempt. Read from every file in app/routes, so a new route is covered without being listed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = join(import.meta.dirname, "../../../app/routes");
const AUTH_CALLS = new Set(["requireUser", "requirePermission", "requireSecretariat", "getSessionUser"]);

/** The body of each exported loader and action: a function, or the function a wrapper (fileLoader) is given. */
function handlers(file: ts.SourceFile): { name: string; body: ts.Block | undefined }[] {
  const out: { name: string; body: ts.Block | undefined }[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const blockOf = (node: ts.Expression | undefined): ts.Block | undefined => {
    if (!node) return undefined;
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isBlock(node.body)) return node.body;
    if (ts.isCallExpression(node)) return blockOf(node.arguments[0]);
    return undefined;
  };
  for (const statement of file.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && ["loader", "action"].includes(statement.name.text))
      out.push({ name: statement.name.text, body: statement.body });
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && ["loader", "action"].includes(d.name.text))
          out.push({ name: d.name.text, body: blockOf(d.initializer) });
  }
  return out;
}

/** Why the first statement is not the auth call, or null when it is. */
function problem(body: ts.Block | undefined): string | null {
  const first = body?.statements[0];
  if (!first) return "no body to read";
  if (
    body.statements.length === 1 &&
    ts.isReturnStatement(first) &&
    first.expression &&
    ts.isCallExpression(first.expression) &&
    ts.isIdentifier(first.expression.expression) &&
    first.expression.expression.text === "redirect"
  )
    return null;
  const expression = ts.isVariableStatement(first)
    ? first.declarationList.declarations[0]?.initializer
    : ts.isExpressionStatement(first)
      ? first.expression
      : undefined;
  const call = expression && ts.isAwaitExpression(expression) ? expression.expression : undefined;
  if (call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && AUTH_CALLS.has(call.expression.text))
    return null;
  return `starts with: ${first.getText().split("\n")[0]}`;
}

const parse = (name: string, source: string) =>
  ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

describe("every loader and action starts with the auth call", () => {
  it("the reader tells an auth call first from anything else", () => {
    const verdicts = handlers(
      parse(
        "r.tsx",
        `export async function loader({ request }) { const user = await requireUser(request); return user; }
         export const action = fileLoader(async ({ request }) => { const form = await readForm(request); await requireSecretariat(request); });`,
      ),
    ).map((h) => [h.name, problem(h.body)]);
    expect(verdicts).toEqual([
      ["loader", null],
      ["action", "starts with: const form = await readForm(request);"],
    ]);
  });

  const routes = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
  it("in every file of app/routes", () => {
    const sources = routes.map((f) => ({ f, source: readFileSync(join(ROUTES, f), "utf8") }));
    const found = sources.flatMap(({ f, source }) =>
      handlers(parse(f, source)).map((h) => ({ at: `${f} ${h.name}`, problem: problem(h.body) })),
    );
    // The reader missed none: as many handlers as the text exports.
    expect(found).toHaveLength(
      sources.reduce(
        (n, { source }) => n + (source.match(/^export (async function|const) (loader|action)\b/gm)?.length ?? 0),
        0,
      ),
    );
    expect(found.filter((h) => h.problem)).toEqual([]);
  });
});
