import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  schulzeOfRankings,
  cutOffTie,
  lotteryDraw,
  schulze,
  seedCommitment,
  seedMatchesCommitment,
  settleCutOffTie,
  sha256Hex,
} from "../../scoring/index";

const nodeSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const SEED = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 example digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto at every length around the block boundaries", () => {
    for (let n = 0; n <= 130; n++) expect(sha256Hex("x".repeat(n)), `length ${n}`).toBe(nodeSha256("x".repeat(n)));
  });

  it("hashes the UTF-8 bytes of any text, as node:crypto does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 300, seed: 14 },
    );
    expect(sha256Hex("Prix UNESCO — جائزة")).toBe(nodeSha256("Prix UNESCO — جائزة"));
  });

  it("throws on anything but a text", () => {
    expect(() => sha256Hex(42 as unknown as string)).toThrow(/expected a text, got number/);
  });
});

describe("seed commitment", () => {
  it("is the SHA-256 of the seed's 64 characters, what sha256sum prints for them", () => {
    expect(seedCommitment(SEED)).toBe(nodeSha256(SEED));
    expect(seedCommitment("0".repeat(64))).toBe("60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55");
  });

  it("a revealed seed matches its own commitment and no other", () => {
    const commitment = seedCommitment(SEED);
    expect(seedMatchesCommitment(SEED, commitment)).toBe(true);
    expect(seedMatchesCommitment(SEED.replace(/.$/, "c"), commitment)).toBe(false);
    expect(seedMatchesCommitment(SEED, commitment.toUpperCase())).toBe(false);
    expect(seedMatchesCommitment("not a seed", sha256Hex("not a seed"))).toBe(false);
  });

  it("throws on a seed that is not 64 lowercase hexadecimal digits", () => {
    expect(() => seedCommitment("abc")).toThrow(/seedCommitment: the seed must be 64 lowercase hexadecimal digits/);
    expect(() => seedCommitment(SEED.toUpperCase())).toThrow(/64 lowercase hexadecimal/);
  });
});

describe("lotteryDraw", () => {
  it("orders the names by their tickets SHA-256(seed:name), smallest first", () => {
    const names = ["ICT-2023-004", "ICT-2023-011", "ICT-2023-017", "ICT-2023-023"];
    const draw = lotteryDraw(names, SEED);
    for (const { name, ticket } of draw) expect(ticket).toBe(nodeSha256(`${SEED}:${name}`));
    const tickets = draw.map((t) => t.ticket);
    expect(tickets).toEqual([...tickets].sort());
    expect(draw.map((t) => t.name).sort()).toEqual(names);
  });

  it("depends on the seed and the names only, never on their input order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (names, seed) => {
          const once = lotteryDraw(names, seed);
          expect(lotteryDraw([...names].reverse(), seed)).toEqual(once);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it("gives each of two names the first place about half the time over many seeds", () => {
    let first = 0;
    for (let s = 0; s < 2000; s++) if (lotteryDraw(["A", "B"], sha256Hex(String(s)))[0].name === "A") first++;
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThan(1100);
  });

  it("throws on no names, an empty or repeated name, or a malformed seed", () => {
    expect(() => lotteryDraw([], SEED)).toThrow(/lotteryDraw: empty input/);
    expect(() => lotteryDraw(["A", ""], SEED)).toThrow(/a name is empty/);
    expect(() => lotteryDraw(["A", "A"], SEED)).toThrow(/"A" is listed twice/);
    expect(() => lotteryDraw(["A"], "seed")).toThrow(/the seed must be 64 lowercase hexadecimal digits/);
  });
});

describe("cutOffTie", () => {
  it("finds the tie group that holds both the last laureate place and the next place", () => {
    const result = { order: ["A", "B", "C", "D"], ties: [["B", "C"]] };
    expect(cutOffTie(result, 2)).toEqual({ above: ["A"], tied: ["B", "C"], places: 1 });
    expect(cutOffTie(result, 1)).toBeNull();
    expect(cutOffTie(result, 3)).toBeNull();
    expect(cutOffTie({ order: ["A", "B", "C", "D"], ties: [["A", "B", "C"]] }, 2)).toEqual({
      above: [],
      tied: ["A", "B", "C"],
      places: 2,
    });
  });

  it("is null when there are no more candidates than places", () => {
    expect(cutOffTie({ order: ["A", "B"], ties: [["A", "B"]] }, 2)).toBeNull();
  });

  it("reads a Schulze result where the jurors split evenly on the second place", () => {
    const result = schulze(
      [{ ranking: ["A", "B", "C", "D"] }, { ranking: ["A", "C", "B", "D"] }],
      ["A", "B", "C", "D"],
    );
    expect(cutOffTie(result, 2)).toEqual({ above: ["A"], tied: ["B", "C"], places: 1 });
  });

  it("throws on a bad number of places, a bad order or a tie group that does not fit it", () => {
    expect(() => cutOffTie({ order: ["A", "B"], ties: [] }, 0)).toThrow(/laureates must be a positive integer, got 0/);
    expect(() => cutOffTie({ order: [], ties: [] }, 1)).toThrow(/cutOffTie: empty input/);
    expect(() => cutOffTie({ order: ["A", "A"], ties: [] }, 1)).toThrow(/"A" is listed twice/);
    expect(() => cutOffTie({ order: ["A", "B"], ties: [["A", "X"]] }, 1)).toThrow(/names "X", who is not in the order/);
    expect(() => cutOffTie({ order: ["A", "B", "C"], ties: [["A", "C"]] }, 1)).toThrow(/is not contiguous/);
  });
});

describe("settleCutOffTie", () => {
  const tie = { above: ["A"], tied: ["B", "C", "D"], places: 2 };

  it("puts the winners first within the tied group and keeps everyone else in place", () => {
    expect(settleCutOffTie(["A", "B", "C", "D", "E"], tie, ["D", "B"])).toEqual(["A", "D", "B", "C", "E"]);
  });

  it("throws when the winners are not the right number of distinct tied candidates", () => {
    const order = ["A", "B", "C", "D", "E"];
    expect(() => settleCutOffTie(order, tie, ["B"])).toThrow(/expected 2 distinct winners/);
    expect(() => settleCutOffTie(order, tie, ["B", "B"])).toThrow(/expected 2 distinct winners/);
    expect(() => settleCutOffTie(order, tie, ["B", "E"])).toThrow(/"E" is not one of the tied candidates/);
    expect(() => settleCutOffTie(["B", "A", "C", "D", "E"], tie, ["B", "C"])).toThrow(/does not hold the tied group/);
  });
});

describe("schulzeOfRankings", () => {
  it("counts only the rankings that rank anyone, unranked candidates abstaining, as schulze does", () => {
    const rankings = [[["A"], ["B"]], [], [["B"], ["C"]], [["A", "C"]]];
    expect(schulzeOfRankings(rankings, ["A", "B", "C"])).toEqual(
      schulze([{ ranking: [["A"], ["B"]] }, { ranking: [["B"], ["C"]] }, { ranking: [["A", "C"]] }], ["A", "B", "C"], {
        unranked: "abstain",
      }),
    );
  });

  it("is null when no juror ranks anyone", () => {
    expect(schulzeOfRankings([[], []], ["A", "B"])).toBeNull();
  });
});
