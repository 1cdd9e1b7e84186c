import type { TypeRow } from "./protocol.ts";

export const count = (n: number): string => n.toLocaleString("en-US");
export const pct = (x: number, digits = 1): string => `${x.toFixed(digits)} %`;
export const share = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);
export const signed = (x: number): string => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
};

const TYPE_NAMES: Record<TypeRow["type"], string> = {
  "us-md": "U.S. MD seniors",
  "us-do": "U.S. DO seniors",
  "us-img": "U.S. IMGs",
  "non-us-img": "Non-U.S. IMGs",
  other: "Others",
  "all applicants": "All applicants",
};
export const typeName = (type: TypeRow["type"]): string => TYPE_NAMES[type];
