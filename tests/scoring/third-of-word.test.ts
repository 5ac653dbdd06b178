import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thirdOfWord } from "../../scoring/index";

/** The float form the bootstraps used before: floor(u · 3/2³²), exact in a double. */
const floatThird = (word: number) => Math.floor((word >>> 0) * (3 / 4294967296));

describe("which third of the 32-bit range a word lies in", () => {
  it("changes part exactly where 3u crosses 2³² and 2·2³²", () => {
    const words = [0, 1, 0x55555555, 0x55555556, 0x7fffffff, 0x80000000, 0xaaaaaaaa, 0xaaaaaaab, 0xffffffff];
    expect(words.map((w) => thirdOfWord(w | 0))).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(words.map((w) => thirdOfWord(w >>> 0))).toEqual(words.map(floatThird));
  });

  it("gives the float form's part for every word, signed or not", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (word) => thirdOfWord(word) === floatThird(word)),
      { numRuns: 20_000 },
    );
    // Every word whose low 16 bits make 3l cross a multiple of 2¹⁶, around both boundaries.
    const differ: number[] = [];
    for (let high = 0x5554; high <= 0x5556; high++) {
      for (let low = 0; low < 0x10000; low++) {
        for (const word of [high * 0x10000 + low, (high + 0x5555) * 0x10000 + low]) {
          if (thirdOfWord(word) !== floatThird(word)) differ.push(word);
        }
      }
    }
    expect(differ).toEqual([]);
  });
});
