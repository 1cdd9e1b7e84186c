import { InvalidArgumentError } from "commander";

/** Commander parsers for numeric flags, with messages that say what was expected. */
export const wholeNumber = (min: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return n;
};

export const numberIn = (min: number, max: number, maxOpen = false) => (value: string): number => {
  const x = Number(value);
  if (value.trim() === "" || !Number.isFinite(x) || x < min || (maxOpen ? x >= max : x > max)) {
    throw new InvalidArgumentError(`expected a number in [${min}, ${max}${maxOpen ? ")" : "]"}`);
  }
  return x;
};
