import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../scripts/bench-fixture";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

/** The flags between `node` and the server script in an npm script's command. */
function nodeFlags(command: string, script: string): string[] | null {
  const at = command.match(new RegExp(`\\bnode ((?:--\\S+ )*)${script.replace(".", "\\.")}\\b`));
  return at ? at[1].trim().split(" ").filter(Boolean) : null;
}

describe("the server's V8 flags (decision 053)", () => {
  it("npm start, the demo and dev give the server the flags the benchmarks measure it with", () => {
    expect(nodeFlags(scripts.start, "scripts/cluster.mjs")).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlags(scripts.demo, "scripts/cluster.mjs")).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlags(scripts.dev, "scripts/server.mjs")).toEqual(SERVER_NODE_FLAGS);
  });

  it("are flags this Node accepts, where a typo would stop the server", () => {
    const run = spawnSync(
      process.execPath,
      [...SERVER_NODE_FLAGS, "-e", "process.stdout.write(JSON.stringify(process.execArgv))"],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining(SERVER_NODE_FLAGS));
    const typo = spawnSync(process.execPath, ["--max-semi-space-sise=64", "-e", "0"], { encoding: "utf8" });
    expect(typo.status).not.toBe(0);
  });
});
