import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromBase64 } from '../bytes';
import { consistencyPath, inclusionPath, leafHash, verifyConsistency, verifyInclusion } from './rfc9162';

/** The published RFC 9162 vectors (transparency-dev/merkle testdata), copied into the repo. */
const VECTORS = join(__dirname, '..', '..', 'test-vectors', 'rfc9162');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

function load<T>(kind: string): Array<[string, T]> {
  return jsonFiles(join(VECTORS, kind)).map((f) => [relative(VECTORS, f), JSON.parse(readFileSync(f, 'utf8')) as T]);
}

const hashes = (list: string[] | null) => (list ?? []).map(fromBase64);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

const inclusion = load<InclusionVector>('inclusion');
const consistency = load<ConsistencyVector>('consistency');

describe('RFC 9162 test vectors', () => {
  it('are all there (so a lost folder cannot pass silently)', () => {
    expect(inclusion.length).toBe(98);
    expect(consistency.length).toBe(98);
    expect(inclusion.filter(([, v]) => v.wantErr).length).toBe(92);
    expect(consistency.filter(([, v]) => v.wantErr).length).toBe(92);
  });

  it.each(inclusion)('inclusion %s', (_name, v) => {
    const ok = verifyInclusion(v.leafIdx, v.treeSize, fromBase64(v.leafHash), hashes(v.proof), fromBase64(v.root));
    expect(ok).toBe(!v.wantErr);
  });

  it.each(consistency)('consistency %s', (_name, v) => {
    const ok = verifyConsistency(v.size1, v.size2, fromBase64(v.root1), fromBase64(v.root2), hashes(v.proof));
    expect(ok).toBe(!v.wantErr);
  });
});

/**
 * The happy paths of the numbered folders are proofs over the RFC 6962 reference tree of
 * eight entries; generating them from those entries must give exactly the published proofs.
 */
describe('proof generation reproduces the published happy paths', () => {
  const entries = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const leaves = entries.map((hex) => leafHash(Buffer.from(hex, 'hex')));
  const happy = <T>(list: Array<[string, T]>) => list.filter(([name]) => /^\w+\/\d\/happy-path\.json$/.test(name));

  it.each(happy(inclusion))('inclusion %s', (_name, v) => {
    expect(Buffer.from(leaves[v.leafIdx]).toString('base64')).toBe(v.leafHash);
    const path = inclusionPath(v.leafIdx, leaves.slice(0, v.treeSize)).map((h) => Buffer.from(h).toString('base64'));
    expect(path).toEqual(v.proof ?? []);
  });

  it.each(happy(consistency))('consistency %s', (_name, v) => {
    const path = consistencyPath(v.size1, leaves.slice(0, v.size2)).map((h) => Buffer.from(h).toString('base64'));
    expect(path).toEqual(v.proof ?? []);
  });
});
