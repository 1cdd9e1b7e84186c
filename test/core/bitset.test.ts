import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearBit, clipWord, hasBit, lastSetBit, setBit, wordsFor } from "../../packages/core/src/rules/bitset.ts";

/** The engine's bitsets against a plain boolean array: set, clear, the last set bit of a range, clipped words. */
describe("bitset", () => {
  const ops = fc.array(fc.record({ i: fc.nat({ max: 199 }), set: fc.boolean() }), { maxLength: 120 });
  const range = fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 200 })).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);

  it("should agree with a boolean array on every bit, on lastSetBit of any range and on clipped words", () => {
    fc.assert(
      fc.property(ops, range, (steps, [from, to]) => {
        const bits = new Int32Array(wordsFor(200));
        const naive = new Array<boolean>(200).fill(false);
        for (const { i, set } of steps) {
          if (set) setBit(bits, i);
          else clearBit(bits, i);
          naive[i] = set;
        }
        for (let i = 0; i < 200; i++) expect(hasBit(bits, i)).toBe(naive[i]);
        let last = -1;
        for (let i = from; i < to; i++) if (naive[i]) last = i;
        expect(lastSetBit(bits, from, to)).toBe(last);
        const seen: number[] = [];
        for (let k = from >>> 5; to > from && k <= (to - 1) >>> 5; k++) {
          const word = clipWord(bits[k]!, k, from, to);
          for (let b = 0; b < 32; b++) if ((word >>> b) & 1) seen.push(32 * k + b);
        }
        expect(seen).toEqual(naive.flatMap((on, i) => (on && i >= from && i < to ? [i] : [])));
      }),
      { numRuns: 400 },
    );
  });
});
