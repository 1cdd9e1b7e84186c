/**
 * Small random helpers over an injected `rng: () => number` in [0, 1) (for example `seedrandom(seed)`). Nothing
 * here reads a global random source, so a seed fixes every draw.
 */

/** A uniform random number in [0, 1), such as `seedrandom(seed)`. */
export type Rng = () => number;

/** A uniform integer in [0, n). */
export const randomInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/**
 * Standard normal draws by the polar Box–Muller method; each accepted pair gives two draws, so the second is kept
 * for the next call (the state lives in the closure, one per generator run).
 */
export function createNormal(rng: Rng): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
}

const LOGISTIC_UNIT = Math.sqrt(3) / Math.PI;

/**
 * A logistic draw scaled to variance 1: one uniform and one logarithm, about three times cheaper than a normal
 * draw. Used for private tastes, which the model needs by the tens of millions and which need not be normal.
 */
export function logisticNoise(rng: Rng): number {
  const u = rng();
  // u = 0 would give -∞; nudge it to the smallest useful value instead (probability 2^-32 with seedrandom).
  return LOGISTIC_UNIT * Math.log((u === 0 ? 1e-12 : u) / (1 - u));
}

/** Rounds `x ≥ 0` up or down at random so that the expected value is `x` (keeps small means unbiased). */
export const stochasticRound = (rng: Rng, x: number): number => {
  const floor = Math.floor(x);
  return floor + (rng() < x - floor ? 1 : 0);
};

/** Fisher–Yates shuffle of `array[start … end)` in place. */
export function shuffleRange(array: { [i: number]: number }, start: number, end: number, rng: Rng): void {
  for (let i = end - 1; i > start; i--) {
    const j = start + randomInt(rng, i - start + 1);
    const t = array[i]!;
    array[i] = array[j]!;
    array[j] = t;
  }
}

/** Index drawn with probability proportional to `weights[i]` (a linear scan: for short weight lists only). */
export function pickWeighted(rng: Rng, weights: ArrayLike<number>, total: number): number {
  let x = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  // Rounding can leave x a hair above 0: return the last index with positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the lower index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]!++;
  return parts;
}
