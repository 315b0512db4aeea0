import { generateNoteKey, parseSignerKey } from '../checkpoint/note-keys';
import { signNote } from '../checkpoint/signed-note';
import { buildSampleLog } from '../testing/sample-log';
import { VerificationReport } from './verification-report';
import { verifyExport } from './verify-export';

type Sample = Awaited<ReturnType<typeof buildSampleLog>>;

const kinds = (r: VerificationReport) => r.findings.map((f) => f.kind).sort();
const badRanges = (r: VerificationReport) => r.ranges.filter((x) => x.status !== 'valid');
const record = (line: string) => JSON.parse(line) as Record<string, any>;
const linesOf = (lines: string[], kind: string) => lines.flatMap((l, i) => (record(l).kind === kind ? [i] : []));
const seqOf = (line: string, scope = 'org:o1') => {
  const event = JSON.parse(Buffer.from(record(line).bytes, 'base64').toString());
  return event.metadata.integrity.chains.find((c: any) => c.scope === scope).seq as number;
};
const withBytes = (line: string, change: (text: string) => string) => {
  const r = record(line);
  r.bytes = Buffer.from(change(Buffer.from(r.bytes, 'base64').toString('latin1')), 'latin1').toString('base64');
  return JSON.stringify(r);
};

describe('verifyExport', () => {
  let sample: Sample;
  let exported: string[];
  let verify: (lines: string[]) => VerificationReport;
  let events: number[];

  beforeAll(async () => {
    sample = await buildSampleLog(300);
    exported = await sample.log.exportScope('org:o1');
    verify = (lines) => verifyExport(lines, { trustedKeys: sample.trustedKeys, scope: 'org:o1' });
    events = linesOf(exported, 'event');
  });

  it('verifies an untouched export, range by range, including checkpoints of the rotated-out key', () => {
    const report = verify(exported);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(events.length).toBeGreaterThan(60);
    expect(report.coverage).toMatchObject({ fromSeq: 0, toSeq: events.length, fromTreeSize: 0, toTreeSize: 300 });
    expect(report.ranges).toHaveLength(9);
    expect(report.ranges.every((r) => r.status === 'valid')).toBe(true);
    expect(report.ranges.reduce((n, r) => n + r.events, 0)).toBe(events.length);
    expect(new Set(report.checkpoints.flatMap((c) => c.signedBy)).size).toBe(2);
    expect(report.events.every((e) => e.included)).toBe(true);
  });

  it('names an event with one byte changed: invalid, with its line, id and seq', () => {
    const at = events[20];
    const copy = [...exported];
    copy[at] = withBytes(copy[at], (t) => t.replace('"note":"event', '"note":"Event'));
    const report = verify(copy);
    expect(kinds(report)).toEqual(['invalid']);
    expect(report.findings[0]).toMatchObject({ line: at + 1, seq: 20, eventId: expect.stringMatching(/^0{8}-/) });
    expect(badRanges(report)).toHaveLength(1);
    expect(badRanges(report)[0].status).toBe('invalid');
  });

  it('names an event damaged beyond reading as invalid, in its own slot, without a gap', () => {
    const at = events[33];
    const copy = [...exported];
    copy[at] = withBytes(copy[at], (t) => t.slice(0, 40) + '\u00ff' + t.slice(41));
    const report = verify(copy);
    expect(kinds(report)).toEqual(['invalid']);
    expect(report.findings[0].line).toBe(at + 1);
  });

  it('names a dropped event as a gap, with the missing seq', () => {
    const copy = exported.filter((_, i) => i !== events[10]);
    const report = verify(copy);
    expect(kinds(report)).toEqual(['gap']);
    expect(report.findings[0].seqs).toEqual({ from: 10, to: 11 });
    expect(badRanges(report).map((r) => r.status)).toEqual(['gap']);
  });

  it('names an inserted forged event (a copy with other data) as inserted', () => {
    const at = events[15];
    const forged = withBytes(exported[at], (t) => t.replace('"n":', '"n":1'));
    const copy = [...exported.slice(0, at + 1), forged, ...exported.slice(at + 1)];
    const report = verify(copy);
    expect(kinds(report)).toEqual(['inserted']);
    expect(report.findings[0]).toMatchObject({ line: at + 2, seq: 15 });
  });

  it('names an inserted event claiming a seq beyond the signed head as inserted', () => {
    const last = events[events.length - 1];
    const forged = withBytes(exported[last], (t) =>
      t.replace(`"seq":${seqOf(exported[last])}`, `"seq":${events.length}`),
    );
    const copy = [...exported.slice(0, last + 1), forged, ...exported.slice(last + 1)];
    expect(kinds(verify(copy))).toEqual(['inserted']);
  });

  it('names a genuine event of another tenant slipped in as inserted', async () => {
    const other = await sample.log.exportScope('org:o2');
    const foreign = other[linesOf(other, 'event')[3]];
    const copy = [...exported.slice(0, events[5]), foreign, ...exported.slice(events[5])];
    const report = verify(copy);
    expect(kinds(report)).toEqual(['inserted']);
    expect(report.findings[0].message).toContain('not an event of org:o1');
  });

  it('names two swapped events as reordered', () => {
    const copy = [...exported];
    [copy[events[30]], copy[events[31]]] = [copy[events[31]], copy[events[30]]];
    const report = verify(copy);
    expect(kinds(report)).toEqual(['reordered']);
    expect(report.findings[0]).toMatchObject({ seq: 30, line: events[31] + 1 });
  });

  it('names a truncated end as missing events, and the missing end line', () => {
    const copy = exported.slice(0, events[events.length - 4]);
    const report = verify(copy);
    expect(kinds(report)).toEqual(['missing', 'missing']);
    expect(report.findings.find((f) => f.seqs)?.seqs).toEqual({ from: events.length - 4, to: events.length });
    expect(report.ranges[report.ranges.length - 1].status).toBe('missing');
  });

  it('names a file cut in the middle of a line as malformed and missing', () => {
    const copy = exported.slice(0, events[events.length - 1] + 1);
    copy[copy.length - 1] = copy[copy.length - 1].slice(0, 50);
    expect(new Set(kinds(verify(copy)))).toEqual(new Set(['malformed', 'missing']));
  });

  it('names a checkpoint whose signature was replaced: bad signature, on its range only', () => {
    const at = linesOf(exported, 'checkpoint')[4];
    const r = record(exported[at]);
    const sig = (r.note as string).trimEnd().split(' ').pop() as string;
    const raw = Buffer.from(sig, 'base64');
    raw.fill(7, 4);
    r.note = r.note.replace(sig, raw.toString('base64'));
    const copy = [...exported];
    copy[at] = JSON.stringify(r);
    const report = verify(copy);
    expect(kinds(report)).toEqual(['bad-signature']);
    expect(report.checkpoints[4].status).toBe('bad-signature');
    expect(badRanges(report).map((x) => x.status)).toEqual(['bad-signature']);
    expect(badRanges(report)[0].toTreeSize).toBe(report.findings[0].treeSize);
  });

  it('names a checkpoint re-signed by a key it does not trust as a bad signature', () => {
    const at = linesOf(exported, 'checkpoint')[2];
    const r = record(exported[at]);
    const text = (r.note as string).slice(0, (r.note as string).lastIndexOf('\n\n') + 1);
    r.note = signNote(text, [parseSignerKey(generateNoteKey('audit.example/activity-log').signerKey)]);
    const copy = [...exported];
    copy[at] = JSON.stringify(r);
    const report = verify(copy);
    expect(kinds(report)).toEqual(['bad-signature']);
    expect(report.findings[0].message).toContain('no trusted key');
  });

  it('without the rotated-out key, names the old checkpoints as bad signatures', () => {
    const report = verifyExport(exported, { trustedKeys: [sample.newKey.verifierKey] });
    const bad = report.checkpoints.filter((c) => c.status !== 'verified');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((c) => c.status === 'unknown-key')).toBe(true);
    expect(new Set(kinds(report))).toEqual(new Set(['bad-signature']));
  });

  it('names a dropped head (which could hide a truncation) as missing', () => {
    const heads = linesOf(exported, 'head');
    const copy = exported.filter((_, i) => i !== heads[heads.length - 1]);
    const report = verify(copy);
    expect(kinds(report)).toContain('missing');
    expect(report.valid).toBe(false);
  });

  it('names a head whose count was lowered as invalid, and one of another scope as inserted', async () => {
    const at = linesOf(exported, 'head')[2];
    const lowered = record(exported[at]);
    lowered.record = lowered.record.replace(/count (\d+)/, (_: string, n: string) => `count ${Number(n) - 1}`);
    const copy = [...exported];
    copy[at] = JSON.stringify(lowered);
    expect(kinds(verify(copy))).toContain('invalid');

    const other = await sample.log.exportScope('org:o2');
    const foreignHead = other[linesOf(other, 'head')[2]];
    const withForeign = [...exported.slice(0, at), foreignHead, ...exported.slice(at)];
    expect(kinds(verify(withForeign))).toEqual(['inserted']);
  });

  it('names an altered consistency proof as inconsistent', () => {
    const at = linesOf(exported, 'consistency')[3];
    const r = record(exported[at]);
    r.proof[0] = Buffer.alloc(32, 1).toString('base64');
    const copy = [...exported];
    copy[at] = JSON.stringify(r);
    expect(kinds(verify(copy))).toEqual(['inconsistent']);
  });

  it('refuses an export of another scope than the one the auditor asked for', async () => {
    const report = verifyExport(await sample.log.exportScope('org:o2'), {
      trustedKeys: sample.trustedKeys,
      scope: 'org:o1',
    });
    expect(kinds(report)).toEqual(['malformed']);
  });

  it('verifies the MSP scope, which holds the events of its organizations too', async () => {
    const report = verifyExport(await sample.log.exportScope('msp:m1'), { trustedKeys: sample.trustedKeys });
    expect(report.findings).toEqual([]);
    expect(report.coverage!.toSeq).toBeGreaterThan(events.length);
  });

  describe('a partial export, starting at a checkpoint', () => {
    let partial: string[];
    beforeAll(async () => {
      partial = await sample.log.exportScope('org:o1', 3);
    });

    it('verifies, and says which seqs and tree sizes it covers', () => {
      const report = verify(partial);
      expect(report.findings).toEqual([]);
      expect(report.coverage!.fromSeq).toBeGreaterThan(0);
      expect(report.coverage!.fromTreeSize).toBe(sample.log.checkpoints[3].cp.size);
      expect(report.ranges[0].fromTreeSize).toBe(sample.log.checkpoints[3].cp.size);
    });

    it('names its dropped first event as a gap', () => {
      const first = linesOf(partial, 'event')[0];
      const report = verify(partial.filter((_, i) => i !== first));
      expect(kinds(report)).toEqual(['gap']);
    });

    it('refuses a start that no signed head anchors', () => {
      const copy = [...partial];
      const header = record(copy[0]);
      header.fromSeq += 1;
      copy[0] = JSON.stringify(header);
      expect(kinds(verify(copy))).toContain('malformed');
    });
  });

  it('verifies a log whose leaves wrap the stored event in an envelope with the links', async () => {
    const wrapped = await buildSampleLog(120, 'envelope');
    const lines = await wrapped.log.exportScope('msp:m1');
    expect(verifyExport(lines, { trustedKeys: wrapped.trustedKeys }).findings).toEqual([]);
    const at = linesOf(lines, 'event')[4];
    const dropped = lines.filter((_, i) => i !== at);
    expect(kinds(verifyExport(dropped, { trustedKeys: wrapped.trustedKeys }))).toEqual(['gap']);
  });

  it('reports garbage without throwing', () => {
    expect(verify([]).findings.map((f) => f.kind)).toEqual(['malformed']);
    expect(verify(['{', '[]', '"x"', '{"kind":"nope"}']).valid).toBe(false);
  });
});
