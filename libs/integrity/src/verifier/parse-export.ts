import { isTreeSize } from '../merkle/tree-math';
import { isScope } from '../tenant/tenant-chain';
import {
  EXPORT_FORMAT,
  ExportCheckpoint,
  ExportConsistency,
  ExportEvent,
  ExportHead,
  ExportHeader,
} from './export-format';
import { Finding } from './verification-report';

export interface Numbered<T> {
  line: number;
  record: T;
}

export interface ParsedExport {
  header?: Numbered<ExportHeader>;
  checkpoints: Numbered<ExportCheckpoint>[];
  consistency: Numbered<ExportConsistency>[];
  heads: Numbered<ExportHead>[];
  /** Event lines keep whatever they hold: a damaged event is a finding about that event, not about the file. */
  events: Numbered<Partial<ExportEvent>>[];
  ended: boolean;
  problems: Finding[];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Splits an export into its records, noting every line that is not one. */
export function parseExport(lines: Iterable<string>): ParsedExport {
  const out: ParsedExport = { checkpoints: [], consistency: [], heads: [], events: [], ended: false, problems: [] };
  let n = 0;
  for (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const malformed = (message: string) =>
      out.problems.push({ kind: 'malformed', line: n, message: `line ${n}: ${message}` });
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text);
    } catch {
      malformed('not JSON');
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      malformed('not a record');
      continue;
    }
    if (out.ended) malformed('a record after the end line');
    const problem = addRecord(out, n, value);
    if (problem) malformed(problem);
  }
  if (!out.header) out.problems.push({ kind: 'malformed', message: 'the export has no header line' });
  return out;
}

function addRecord(out: ParsedExport, line: number, v: Record<string, unknown>): string | undefined {
  switch (v.kind) {
    case 'header':
      if (out.header || line !== firstLine(out, line)) return 'a header that is not the first line';
      if (v.format !== EXPORT_FORMAT) return `unknown format ${JSON.stringify(v.format)}`;
      if (typeof v.origin !== 'string' || !isScope(v.scope) || !isTreeSize(v.fromSeq))
        return 'a header needs origin, scope and fromSeq';
      if (v.verifierKeys !== undefined && !isStrings(v.verifierKeys)) return 'verifierKeys is a list of strings';
      out.header = { line, record: v as unknown as ExportHeader };
      return undefined;
    case 'checkpoint':
      if (typeof v.note !== 'string') return 'a checkpoint line needs its note';
      out.checkpoints.push({ line, record: v as unknown as ExportCheckpoint });
      return undefined;
    case 'consistency':
      if (!isTreeSize(v.size1) || !isTreeSize(v.size2) || !isStrings(v.proof))
        return 'a consistency line needs size1, size2 and proof';
      out.consistency.push({ line, record: v as unknown as ExportConsistency });
      return undefined;
    case 'head':
      if (!isTreeSize(v.treeSize) || typeof v.record !== 'string' || !isTreeSize(v.index) || !isStrings(v.proof)) {
        return 'a head line needs treeSize, record, index and proof';
      }
      out.heads.push({ line, record: v as unknown as ExportHead });
      return undefined;
    case 'event':
      out.events.push({ line, record: v as Partial<ExportEvent> });
      return undefined;
    case 'end':
      out.ended = true;
      return undefined;
    default:
      return `unknown record kind ${JSON.stringify(v.kind)}`;
  }
}

/** The header must come before any other record. */
function firstLine(out: ParsedExport, line: number): number {
  const seen = out.checkpoints.length + out.consistency.length + out.heads.length + out.events.length;
  return seen === 0 && !out.ended ? line : -1;
}
