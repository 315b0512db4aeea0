import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const CACHE_DIR = process.env.BENCH_CACHE_DIR ?? join(__dirname, '..', '.cache');

/**
 * A generated SQLite file kept in bench/.cache between runs (keyed by its name: size and seed).
 * `build` writes it under a temporary name; it is renamed only once complete, so an
 * interrupted build is never reused.
 */
export async function cachedFile(name: string, build: (file: string) => Promise<void>): Promise<{ file: string; builtInSeconds?: number }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, name);
  if (existsSync(file)) return { file };
  const partial = `${file}.partial`;
  const remove = (f: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(f + suffix, { force: true }));
  remove(partial);
  const started = performance.now();
  await build(partial);
  const builtInSeconds = (performance.now() - started) / 1000;
  remove(file);
  renameSync(partial, file);
  remove(partial);
  return { file, builtInSeconds };
}
