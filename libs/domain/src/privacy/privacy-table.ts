import { EVENT_PRIVACY } from './privacy-catalog';
import { PersonalField } from './personal-data';

const HEADER = ['| Event type | Retention | Personal fields (besides the envelope\'s) |', '|---|---|---|'];

/**
 * The table of docs/personal-data.md, rendered from the catalog pages: the domain is the one
 * place the list is kept, the doc a generated view of it (`npm run docs:personal-data`).
 */
export function personalDataTable(): string {
  const rows = Object.entries(EVENT_PRIVACY).map(
    ([type, { retention, personal }]) => `| ${type} | ${retention} | ${personal.length ? personal.map(describeField).join(', ') : '—'} |`,
  );
  return [...HEADER, ...rows].join('\n');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered whatever the data
function describeField({ path, kind, subject }: PersonalField<any>): string {
  return `\`${path}\` (${kind}, ${subject === 'actor' ? 'the actor' : 'the member it names'})`;
}
