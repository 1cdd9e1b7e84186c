import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortSegmentsByUtility } from "../../packages/core/src/generate/rankOrder.ts";

describe("sortSegmentsByUtility(start, entries, maxValue, utility)", () => {
  it("should order each segment by descending utility, ties to the smaller value, as a comparator sort does", () => {
    // Small integer utilities force ties; long segments take the native-sort path, short ones insertion sort.
    const segments = fc.array(fc.array(fc.record({ value: fc.nat({ max: 5000 }), utility: fc.integer({ min: -6, max: 6 }) }), { maxLength: 40 }), { maxLength: 6 });
    fc.assert(
      fc.property(segments, (lists) => {
        const start = new Uint32Array(lists.length + 1);
        lists.forEach((list, i) => (start[i + 1] = start[i]! + list.length));
        const entries = new Uint16Array(lists.flat().map((x) => x.value));
        const utilityOf = new Map<string, number>();
        lists.forEach((list, i) => list.forEach((x) => utilityOf.set(`${i}:${x.value}`, x.utility)));
        sortSegmentsByUtility(start, entries, 5000, (owner, value) => utilityOf.get(`${owner}:${value}`)!);
        const expected = lists.map((list, i) =>
          list.map((x) => x.value).sort((a, b) => utilityOf.get(`${i}:${b}`)! - utilityOf.get(`${i}:${a}`)! || a - b),
        );
        expect(lists.map((_, i) => [...entries.subarray(start[i]!, start[i + 1]!)])).toEqual(expected);
      }),
    );
  });
});
