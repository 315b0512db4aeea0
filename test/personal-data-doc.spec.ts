import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_PRIVACY } from '@app/domain';

describe('docs/personal-data.md', () => {
  it('lists every event type with the retention class the domain declares', () => {
    const doc = readFileSync(join(__dirname, '..', 'docs', 'personal-data.md'), 'utf8');
    for (const [type, privacy] of Object.entries(EVENT_PRIVACY)) expect([type, doc.includes(`| ${type} | ${privacy.retention} |`)]).toEqual([type, true]);
  });
});
