import { SqliteAuditLog } from '@app/event-store';

/**
 * The worker's share of the Merkle log, in a process of its own as deployed: brings the log's
 * index up to the leaves every `interval` ms (the checkpointer's first step) while the parent
 * appends. On 'stop' it indexes what is left and answers the size indexed.
 */
async function main(): Promise<void> {
  const [file, interval] = process.argv.slice(2);
  const log = SqliteAuditLog.openEventsFile(file);
  let stopping = false;
  process.on('message', () => (stopping = true));
  process.send?.({ ready: true });
  while (!stopping) {
    await log.state();
    await new Promise((resolve) => setTimeout(resolve, Number(interval)));
  }
  const { size } = await log.state();
  await log.close();
  process.send?.({ size }, () => process.disconnect());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
