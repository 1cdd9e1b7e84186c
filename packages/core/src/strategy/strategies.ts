import type { CompiledMarket } from "../market.ts";

/**
 * A way to write her list, in program ids so that it means the same thing in every drawn market and can be sent to
 * a worker. Each is applied to her true list (her list in the drawn market).
 */
export type ListStrategy =
  | { kind: "truthful" }
  /** "Safety first": the program she thinks likeliest to take her moves to the top. */
  | { kind: "safetyFirst"; program: string }
  /** Keep only her first `keep` programs. */
  | { kind: "truncate"; keep: number }
  /** Keep only her reaches (programs she thinks unlikely to take her), in her order. */
  | { kind: "reachesOnly"; reaches: readonly string[] }
  /** Add the first `count` of the Monte Carlo's `extraPrograms` after her list. */
  | { kind: "addPrograms"; count: number }
  | { kind: "custom"; list: readonly string[] };

/** A short label for reports, e.g. "truncate after 3". */
export function strategyLabel(strategy: ListStrategy): string {
  switch (strategy.kind) {
    case "truthful": return "truthful";
    case "safetyFirst": return `safety first (${strategy.program})`;
    case "truncate": return `truncate after ${strategy.keep}`;
    case "reachesOnly": return `reaches only (${strategy.reaches.length})`;
    case "addPrograms": return `add ${strategy.count} program${strategy.count === 1 ? "" : "s"}`;
    case "custom": return `custom (${strategy.list.join(", ")})`;
  }
}

/** Program index of each id; throws with the function's name when an id is unknown in this market. */
export function programIndexOf(market: CompiledMarket, ids: readonly string[], where: string): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const p = market.programIds.indexOf(id);
    if (p < 0) throw new Error(`${where}: unknown program id ${JSON.stringify(id)}`);
    out.push(p);
  }
  return out;
}

/** The list (program indices) she submits under `strategy`, given her true list and the extra programs. */
export function applyStrategy(strategy: ListStrategy, trueList: readonly number[], extra: readonly number[], market: CompiledMarket): number[] {
  switch (strategy.kind) {
    case "truthful":
      return [...trueList];
    case "safetyFirst": {
      const [safety] = programIndexOf(market, [strategy.program], "applyStrategy");
      return [safety!, ...trueList.filter((p) => p !== safety)];
    }
    case "truncate":
      return trueList.slice(0, Math.max(0, strategy.keep));
    case "reachesOnly": {
      const reaches = new Set(programIndexOf(market, strategy.reaches, "applyStrategy"));
      return trueList.filter((p) => reaches.has(p));
    }
    case "addPrograms":
      return [...trueList, ...extra.slice(0, Math.max(0, strategy.count)).filter((p) => !trueList.includes(p))];
    case "custom":
      return programIndexOf(market, strategy.list, "applyStrategy");
  }
}
