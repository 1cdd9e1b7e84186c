/**
 * Visits every ordering of every subset of `0 … n-1` (the empty list first, then depth first: `listCount(n)` lists
 * in all). `visit` receives one shared array, valid only during the call: copy it to keep it.
 */
export function forEachOrderedSubset(n: number, visit: (list: readonly number[]) => void): void {
  const list: number[] = [];
  const used = new Uint8Array(n);
  const walk = (): void => {
    visit(list);
    for (let i = 0; i < n; i++) {
      if (used[i] === 1) continue;
      used[i] = 1;
      list.push(i);
      walk();
      list.pop();
      used[i] = 0;
    }
  };
  walk();
}
