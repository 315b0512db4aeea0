import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { topicMessagesOf, mspTopic } from '@app/streams';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Everything an MSP receives about a supervised organization, on every channel, is its API view:
 * the feed over HTTP, the feed's export and the MSP's Kafka topic carry the same line for every
 * event of the catalog, and none of them names an item or folder or says an item's type.
 */
describe('What an MSP receives on each channel', () => {
  let t: TestApp;
  let orgId: string;
  let mspAdmin: string;
  let orgOwner: string;
  const appended: { id: string; hidden: string[] }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    orgId = (await t.command('/organizations', mspAdmin, { name: 'Acme' })).id;
    orgOwner = await t.token(orgPrincipal('org_owner', orgId));
    // One event of every type of the catalog, as the command side would record it for this organization.
    const metadata = {
      actor: { type: 'member' as const, id: 'm-ann', email: 'ann@acme.test', name: 'Ann Lee', role: 'org_admin' },
      tenant: { mspId: 'msp-a', orgId },
      client: { ip: '198.51.100.7' },
    };
    for (const [type, sample] of CATALOG_SAMPLES) {
      const written = await t.store.append(`sample-${type}`, [{ type, data: sample.data, metadata }], 'any');
      appended.push({ id: written.eventIds[0], hidden: sample.hidden });
      t.lastPosition = written.position.toString();
    }
  });
  afterAll(() => t.close());

  const byId = (rows: any[]) => new Map<string, any>(rows.map((row) => [row.id, row]));

  it('gives the same line on the feed, in the export and on the Kafka topic, for every event type', async () => {
    const feed = (await t.query(`/organizations/${orgId}/feed`, mspAdmin, { limit: 1000 }).expect(200)).body.items;
    const exported = (await t.query(`/organizations/${orgId}/feed/export`, mspAdmin, { format: 'jsonl' }).buffer(true).expect(200)).text;
    const exportRows = exported.trim().split('\n').map((line: string) => JSON.parse(line));
    const events = await t.store.readAll();
    const topic = topicMessagesOf(events, 'p', await t.personalData.revealerFor(events)).find((m) => m.topic === mspTopic('p', 'msp-a'))!;
    const kafka = topic.messages.map((m) => JSON.parse(String(m.value)));

    const [feedById, exportById, kafkaById] = [byId(feed), byId(exportRows), byId(kafka)];
    for (const { id, hidden } of appended) {
      const line = feedById.get(id);
      expect([id, line === undefined]).toEqual([id, false]);
      expect(exportById.get(id)).toEqual(line);
      expect(kafkaById.get(id)).toMatchObject({ id, position: line.position, tenant: { mspId: 'msp-a', orgId }, entry: line });
      expect(kafkaById.get(id)).not.toHaveProperty('data');
      for (const channel of [line, exportById.get(id), kafkaById.get(id)]) {
        const text = JSON.stringify(channel);
        for (const secret of hidden) expect([line.eventType, secret, text.includes(secret)]).toEqual([line.eventType, secret, false]);
      }
    }
  });

  it("hides only what the organization's owner sees", async () => {
    const owner = (await t.query(`/organizations/${orgId}/feed`, orgOwner, { limit: 1000 }).expect(200)).body.items;
    const shown = JSON.stringify(owner);
    const hidden = appended.flatMap((a) => a.hidden);
    expect(hidden.length).toBeGreaterThan(10);
    expect(hidden.filter((secret) => !shown.includes(secret))).toEqual([]);
  });
});
