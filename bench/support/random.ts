const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Deterministic randomness for generated data: a seeded PRNG (mulberry32), never Math.random. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** A UUID v7 for time `ms` (time-ordered like the ones the store writes), random bits from this PRNG. */
  uuid(ms = 0): string {
    const b: number[] = [];
    for (let i = 5; i >= 0; i--) b.push(Math.floor(ms / 2 ** (8 * i)) & 255);
    for (let i = 0; i < 10; i++) b.push(this.int(256));
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    const h = b.map((x) => HEX[x]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  }
}

/** Picks index i with probability proportional to weights[i] (binary search over the running sums). */
export class WeightedPicker {
  private readonly sums: number[] = [];

  constructor(weights: readonly number[]) {
    let total = 0;
    for (const w of weights) this.sums.push((total += w));
  }

  pick(rng: Prng): number {
    const x = rng.next() * this.sums[this.sums.length - 1];
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sums[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Zipf-like skew over n ranks: rank 0 is the busiest, weight 1/(rank+1)^s. */
export function zipf(n: number, s = 1): WeightedPicker {
  return new WeightedPicker(Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s));
}
