import { v7 as uuidv7 } from 'uuid';
import { AssertionReplayStore } from './assertion-replay.store';

/** What every assertion-id store must do; `open(now)` gives a store on the shared storage, with its clock. */
export function describeAssertionReplayStoreContract(
  adapterName: string,
  open: (now: () => number) => Promise<AssertionReplayStore>,
): void {
  describe(`AssertionReplayStore contract: ${adapterName}`, () => {
    let clock: number;
    const now = () => clock;
    const opened: AssertionReplayStore[] = [];
    const store = async () => {
      const s = await open(now);
      opened.push(s);
      return s;
    };
    beforeEach(() => (clock = Date.parse('2026-06-01T10:00:00.000Z')));
    afterEach(async () => Promise.all(opened.splice(0).map((s) => s.close())));

    it('takes an id once; a second claim is a replay', async () => {
      const s = await store();
      const id = uuidv7();
      expect(await s.claim(id, clock + 60_000)).toBe(true);
      expect(await s.claim(id, clock + 60_000)).toBe(false);
      expect(await s.claim(uuidv7(), clock + 60_000)).toBe(true);
    });

    it('lets exactly one of many concurrent claims win, also across two stores on the same storage', async () => {
      const [a, b] = [await store(), await store()];
      const id = uuidv7();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(id, clock + 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('remembers an id until it expires, then lets it go', async () => {
      const s = await store();
      const id = uuidv7();
      expect(await s.claim(id, clock + 60_000)).toBe(true);
      clock += 59_000;
      expect(await s.claim(id, clock + 60_000)).toBe(false);
      clock += 2_000;
      expect(await s.claim(id, clock + 60_000)).toBe(true);
      expect(await s.claim(id, clock + 60_000)).toBe(false);
    });
  });
}
