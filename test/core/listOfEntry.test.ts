import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listOfEntry } from "../../packages/core/src/rules/fullResult.ts";

/** The walk collectFullResult used before: the first list whose end passes the entry. */
function walk(start: ArrayLike<number>, e: number): number {
  let list = 0;
  while (start[list + 1]! <= e) list++;
  return list;
}

describe("listOfEntry", () => {
  it("should find the list holding each entry of a CSR array, as a walk from list 0 does, empty lists included", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 30 }), (lengths) => {
        const start = new Uint32Array(lengths.length + 1);
        for (let i = 0; i < lengths.length; i++) start[i + 1] = start[i]! + lengths[i]!;
        for (let e = 0; e < start[lengths.length]!; e++) {
          const list = listOfEntry(start, e);
          expect(list).toBe(walk(start, e));
          expect(start[list]! <= e && e < start[list + 1]!).toBe(true);
        }
      }),
    );
  });

  it("should put entry 3 of lists [0, 2), [2, 2), [2, 5) in the third list (index 2), skipping the empty one", () => {
    expect(listOfEntry(Uint32Array.of(0, 2, 2, 5), 3)).toBe(2);
    expect(listOfEntry(Uint32Array.of(0, 2, 2, 5), 1)).toBe(0);
    expect(listOfEntry(Uint32Array.of(0, 2, 2, 5), 2)).toBe(2);
  });
});
