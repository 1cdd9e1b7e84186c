/**
 * Max-heaps of a program's held applicants, as ranks or as progRol positions (within one program both order them
 * alike), many packed in one Int32Array: each program's heap lives at `heap[base … base + size)`, so its
 * least-preferred holder (the largest value) is always at `heap[base]`.
 * Plain functions over the shared array, so the hot loop allocates nothing.
 */

export function heapPush(heap: Int32Array, base: number, size: number, value: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const up = heap[base + parent]!;
    if (up >= value) break;
    heap[base + i] = up;
    i = parent;
  }
  heap[base + i] = value;
}

/** Replaces the maximum (the root) with a smaller `value` and restores the heap order. */
export function heapReplaceTop(heap: Int32Array, base: number, size: number, value: number): void {
  let i = 0;
  const half = size >> 1;
  while (i < half) {
    let child = 2 * i + 1;
    let best = heap[base + child]!;
    const right = child + 1;
    if (right < size) {
      const r = heap[base + right]!;
      if (r > best) {
        child = right;
        best = r;
      }
    }
    if (best <= value) break;
    heap[base + i] = best;
    i = child;
  }
  heap[base + i] = value;
}
