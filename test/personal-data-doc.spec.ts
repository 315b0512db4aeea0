import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalDataTable } from '@app/domain';

const DOC = join(__dirname, '..', 'docs', 'personal-data.md');
/** The table is the doc's end, from its header row on. */
const TABLE_START = '| Event type |';

/** The doc's table is rendered from the domain; `npm run docs:personal-data` writes it. */
describe('docs/personal-data.md', () => {
  it('shows the table of personal fields and retention classes the domain declares, as rendered from it', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(TABLE_START);
    expect(start).toBeGreaterThan(0);
    const rendered = `${doc.slice(0, start)}${personalDataTable()}\n`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);
    else expect(doc).toBe(rendered); // if this fails: npm run docs:personal-data
  });
});
