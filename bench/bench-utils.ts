import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  figure: string;
  variant: string;
  value: number;
  unit: string;
  note?: string;
}

/** A scratch directory on the same disk for each measurement, removed afterwards. */
export async function withScratchDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), `${prefix}-`));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function envInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number (got ${JSON.stringify(value)})`);
  return Number(value);
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.figure, f.variant, formatNumber(f.value), f.unit, f.note ?? '']);
  const header = ['figure', 'variant', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}
