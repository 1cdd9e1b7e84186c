/** An unsigned integer array type wide enough to hold every value in `[0, maxValue]`. */
export type PointerArray = Uint8Array | Uint16Array | Uint32Array;
export type PointerArrayConstructor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

/** Picks the narrowest unsigned array for values up to `maxValue` (as kdbush and mnemonist do). */
export function pointerArrayFor(maxValue: number): PointerArrayConstructor {
  if (maxValue < 2 ** 8) return Uint8Array;
  if (maxValue < 2 ** 16) return Uint16Array;
  if (maxValue < 2 ** 32) return Uint32Array;
  throw new RangeError(`pointerArrayFor: ${maxValue} does not fit in 32 bits`);
}
