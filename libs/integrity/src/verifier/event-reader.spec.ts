import { utf8 } from '../bytes';
import { readStoredEventJson } from './event-reader';

const links = [{ scope: 'org:o1', seq: 3, prev: 'AAAA' }];
const read = (value: unknown) => readStoredEventJson(utf8(JSON.stringify(value)));

describe('readStoredEventJson', () => {
  it('reads the links inside the stored event', () => {
    expect(read({ id: 'e1', metadata: { integrity: { chains: links } } })).toEqual({ id: 'e1', links });
  });

  it('reads the links of an envelope around the stored event', () => {
    expect(read({ integrity: { chains: links }, event: { id: 'e2', data: {} } })).toEqual({ id: 'e2', links });
  });

  it('refuses links in both places, in neither, or malformed', () => {
    expect(read({ id: 'e', metadata: { integrity: { chains: links } }, integrity: { chains: links } })).toBeUndefined();
    expect(read({ id: 'e', metadata: {} })).toBeUndefined();
    expect(read({ metadata: { integrity: { chains: [{ scope: 'org:o1', seq: 1, prev: null }] } } })).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8 JSON', () => {
    expect(() => readStoredEventJson(Uint8Array.of(0xff, 0x7b))).toThrow();
    expect(() => readStoredEventJson(utf8('{'))).toThrow();
  });
});
