import { NONE, TRACKS, generatedTracks, type GeneratedMarket } from "./generate/generatedMarket.ts";
import { ScenarioError } from "./parse.ts";

/**
 * Structure checks of `.mlm` sections (see marketFile.ts): list offsets and entries, attribute codes, couples and
 * supplemental lists. Each throws a `ScenarioError` naming the section, so a damaged file gives a clear error
 * rather than a wrong match.
 */

export type ArrayType = "u8" | "u16" | "u32" | "i32";
export type AnyArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

export const bad = (path: string, message: string): never => {
  throw new ScenarioError([{ path, message }]);
};

export type Take = <T extends AnyArray>(name: string, length: number, types: ArrayType[]) => T;

/** Supplemental lists: owners ascending, offsets rising, preliminary programs, links to advanced programs on her list. */
export function takeSupplemental(take: Take, nA: number, nP: number, market: GeneratedMarket): NonNullable<GeneratedMarket["supplemental"]> {
  const owner = take<Uint32Array>("supplemental.owner", -1, ["u32"]);
  const nL = owner.length;
  const start = take<Uint32Array>("supplemental.start", nL + 1, ["u32"]);
  const rol = take<Uint32Array>("supplemental.rol", -1, ["u32"]);
  const linkStart = take<Uint32Array>("supplemental.linkStart", nL + 1, ["u32"]);
  const linkProg = take<Uint32Array>("supplemental.linkProg", -1, ["u32"]);
  checkLists("supplemental.rol", start, rol, nP);
  checkLists("supplemental.linkProg", linkStart, linkProg, nP);
  const track = generatedTracks(market);
  const preliminary = TRACKS.indexOf("preliminary");
  const advanced = TRACKS.indexOf("advanced");
  const onList = new Int32Array(nP).fill(-1); // onList[p] === owner: p is on the owner's primary list
  for (let l = 0; l < nL; l++) {
    const a = owner[l]!;
    if (a >= nA || (l > 0 && a < owner[l - 1]!)) bad("sections.supplemental.owner", `list ${l} has owner ${a}; expected applicant indices in ascending order`);
    for (let e = market.appStart[a]!; e < market.appStart[a + 1]!; e++) onList[market.appRol[e]!] = a;
    for (let e = start[l]!; e < start[l + 1]!; e++) {
      if (track !== undefined && track[rol[e]!] !== preliminary) bad("sections.supplemental.rol", `list ${l} ranks program ${rol[e]}, which is not preliminary`);
    }
    for (let e = linkStart[l]!; e < linkStart[l + 1]!; e++) {
      const p = linkProg[e]!;
      if (track !== undefined && track[p] !== advanced) bad("sections.supplemental.linkProg", `list ${l} links program ${p}, which is not advanced`);
      if (onList[p] !== a) bad("sections.supplemental.linkProg", `list ${l} links program ${p}, which is not on applicant ${a}'s list`);
    }
  }
  return { owner, start, rol, linkStart, linkProg };
}

/** Couples: distinct members without individual lists, rising offsets, pairs of known programs or -1 (not both). */
export function takeCouples(take: Take, nA: number, nP: number, appStart: Uint32Array): NonNullable<GeneratedMarket["couples"]> {
  const members = take<Uint32Array>("couples.members", -1, ["u32"]);
  if (members.length % 2 !== 0) bad("sections.couples.members", "expected two members per couple");
  const count = members.length / 2;
  const start = take<Uint32Array>("couples.start", count + 1, ["u32"]);
  const rol = take<Int32Array>("couples.rol", -1, ["i32"]);
  const seen = new Uint8Array(nA);
  members.forEach((m, i) => {
    if (m >= nA) bad("sections.couples.members", `entry ${i} is ${m}, but there are only ${nA} applicants`);
    if (seen[m] === 1) bad("sections.couples.members", `applicant ${m} is in two couples`);
    if (appStart[m + 1] !== appStart[m]) bad("sections.couples.members", `applicant ${m} is in a couple but has an individual list`);
    seen[m] = 1;
  });
  if (start[0] !== 0 || start[count]! * 2 !== rol.length) bad("sections.couples.start", "offsets must run from 0 to the number of pairs");
  for (let c = 0; c < count; c++) if (start[c + 1]! < start[c]!) bad("sections.couples.start", `offsets decrease at couple ${c}`);
  for (let k = 0; k < rol.length; k += 2) {
    const x = rol[k]!;
    const y = rol[k + 1]!;
    if (x < -1 || x >= nP || y < -1 || y >= nP || (x === -1 && y === -1)) bad("sections.couples.rol", `pair ${k / 2} is (${x}, ${y}); expected program indices or -1 for one partner`);
  }
  return { members, start, rol };
}

/**
 * Offsets rise from 0 to the entry count; entries are below `n` and none appears twice in one list. O(total).
 * Duplicates are found with a small open-addressing table per list, which stays in cache, rather than a stamp
 * array of size n read at random (a million-applicant file has ten million entries to check).
 */
export function checkLists(name: string, start: Uint32Array, rol: ArrayLike<number>, n: number): void {
  const lists = start.length - 1;
  if (start[0] !== 0 || start[lists] !== rol.length) bad(`sections.${name}`, "offsets must run from 0 to the number of entries");
  const table = new Int32Array(TABLE_SIZE); // value + 1, 0 = empty
  let stamp: Int32Array | undefined; // for the rare list too long for the table
  for (let i = 0; i < lists; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (to < from) bad(`sections.${name}`, `offsets decrease at list ${i}`);
    // Checked here, before the entries are read: past the end they are undefined, and the probe below would spin.
    if (to > rol.length) bad(`sections.${name}`, `list ${i} ends at entry ${to}, past the ${rol.length} entries`);
    const long = to - from > TABLE_SIZE / 2;
    if (long) stamp ??= new Int32Array(n).fill(-1);
    for (let e = from; e < to; e++) {
      const v = rol[e]!;
      if (v >= n) bad(`sections.${name}`, `list ${i} names index ${v}, but there are only ${n}`);
      if (long) {
        if (stamp![v] === i) bad(`sections.${name}`, `list ${i} names index ${v} twice`);
        stamp![v] = i;
        continue;
      }
      let h = Math.imul(v, 0x9e3779b1) >>> (32 - TABLE_BITS);
      while (table[h] !== 0) {
        if (table[h] === v + 1) bad(`sections.${name}`, `list ${i} names index ${v} twice`);
        h = (h + 1) & (TABLE_SIZE - 1);
      }
      table[h] = v + 1;
    }
    if (!long) for (let e = from; e < to; e++) clearSlot(table, rol[e]!);
  }
}

const TABLE_BITS = 9;
const TABLE_SIZE = 1 << TABLE_BITS;

/** Empties the table slot holding `v` (every value of the list is in the table, so the probe finds it). */
function clearSlot(table: Int32Array, v: number): void {
  let h = Math.imul(v, 0x9e3779b1) >>> (32 - TABLE_BITS);
  while (table[h] !== v + 1) h = (h + 1) & (TABLE_SIZE - 1);
  table[h] = 0;
}

export function checkCodes(name: string, column: ArrayLike<number>, max: number, allowNone: boolean): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v > max && !(allowNone && v === NONE)) bad(`sections.${name}`, `entry ${i} is ${v}, expected at most ${max}`);
  }
}
