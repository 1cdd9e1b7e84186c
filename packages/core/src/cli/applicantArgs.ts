import type { CompiledMarket } from "../market.ts";
import { InputError } from "./io.ts";

/** Index of the applicant named by `--applicant`, or a clear error. */
export function applicantIndex(market: CompiledMarket, id: string): number {
  const a = market.applicantIds.indexOf(id);
  if (a < 0) throw new InputError(`--applicant: no applicant with id ${JSON.stringify(id)} in this scenario`);
  return a;
}

/** Program indices of a comma-separated `--list`; unknown or repeated ids are errors. */
export function parseProgramList(market: CompiledMarket, text: string): number[] {
  const ids = text.split(",").map((id) => id.trim()).filter((id) => id.length > 0);
  const seen = new Set<string>();
  return ids.map((id, i) => {
    if (seen.has(id)) throw new InputError(`--list: program ${JSON.stringify(id)} appears twice (entry ${i + 1})`);
    seen.add(id);
    const p = market.programIds.indexOf(id);
    if (p < 0) throw new InputError(`--list: no program with id ${JSON.stringify(id)} in this scenario (entry ${i + 1})`);
    return p;
  });
}
