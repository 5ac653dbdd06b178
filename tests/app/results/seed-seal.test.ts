// The lottery seed of a tie-break rule is stored sealed (decision 044): a copy of the database
// alone does not reveal it; the key beside the signing key opens it, for its own edition only.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath } from "../../../db/client";
import { getEditionBrief } from "../../../app/results/models/results.server";
import { chooseTieBreak, getTieBreak, tieBreakSeed } from "../../../app/results/models/tie-break.server";
import { openSeed, sealKeyPath, sealSeed } from "../../../app/results/models/seed-seal.server";
import { buildScoredEdition } from "../../fixtures/results";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const keysDir = process.env.SIGNING_KEYS_DIR;

afterEach(() => {
  if (keysDir === undefined) delete process.env.SIGNING_KEYS_DIR;
  else process.env.SIGNING_KEYS_DIR = keysDir;
});

/** A sealed seed for an edition of the database, through the secretariat's choice of a rule. */
async function chosen() {
  const f = await buildScoredEdition({ scoringClosesInDays: 1 });
  const edition = getEditionBrief({ editionId: f.edition.id })!;
  expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "lottery" })).toEqual({ ok: true });
  return { f, row: getTieBreak({ editionId: f.edition.id })! };
}

describe("the lottery seed at rest", () => {
  it("is stored sealed: the database files hold neither the seed nor its hexadecimal digits", async () => {
    const { row } = await chosen();
    expect(row.seed).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    const seed = tieBreakSeed(row);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(seed)).toBe(row.commitment);
    for (const file of [databasePath(), `${databasePath()}-wal`].filter((f) => existsSync(f)))
      expect(readFileSync(file).includes(Buffer.from(seed)), file).toBe(false);
  });

  it("is sealed under a key that only the server's user may read, made with the first rule", async () => {
    await chosen();
    expect(statSync(sealKeyPath()).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealKeyPath(), "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("opens for its own edition only, and not once a character of it has changed", async () => {
    const { f, row } = await chosen();
    expect(() => openSeed({ editionId: "another-edition", stored: row.seed })).toThrow(
      /does not open .* for another edition/,
    );
    const last = row.seed.at(-2) === "A" ? "B" : "A";
    const altered = `${row.seed.slice(0, -2)}${last}${row.seed.slice(-1)}`;
    expect(() => openSeed({ editionId: f.edition.id, stored: altered })).toThrow(/does not open/);
  });

  it("does not open without its key, which opening never makes, and the error says to restore it", async () => {
    const { row } = await chosen();
    process.env.SIGNING_KEYS_DIR = mkdtempSync(join(tmpdir(), "prize-keys-"));
    expect(() => tieBreakSeed(row)).toThrow(/lottery-seal\.key is missing: restore the signing keys/);
    expect(existsSync(sealKeyPath())).toBe(false);
  });

  it("does not open with another key", async () => {
    const { row } = await chosen();
    process.env.SIGNING_KEYS_DIR = mkdtempSync(join(tmpdir(), "prize-keys-"));
    writeFileSync(sealKeyPath(), `${"7".repeat(64)}\n`, { mode: 0o600 });
    expect(() => tieBreakSeed(row)).toThrow(/sealed with another key/);
  });

  it("a seed stored in the clear before sealing still opens as it is", () => {
    const clear = "0123456789abcdef".repeat(4);
    expect(openSeed({ editionId: "any", stored: clear })).toBe(clear);
    expect(() => openSeed({ editionId: "any", stored: "not a seed" })).toThrow(/in no known form/);
  });

  it("seals the same seed differently each time, and each opens to it", () => {
    const seed = "ab".repeat(32);
    const one = sealSeed({ editionId: "e1", seed });
    const two = sealSeed({ editionId: "e1", seed });
    expect(one).not.toBe(two);
    expect([openSeed({ editionId: "e1", stored: one }), openSeed({ editionId: "e1", stored: two })]).toEqual([
      seed,
      seed,
    ]);
  });
});
