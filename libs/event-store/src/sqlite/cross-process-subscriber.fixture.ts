/* Child process for the cross-process test: subscribes and prints each event with the time it arrived. */
import { SqliteEventStore } from './sqlite-event-store';

async function main(): Promise<void> {
  const store = new SqliteEventStore({ file: process.argv[2] });
  const subscription = store.subscribeToAll();
  process.stdout.write('ready\n');
  process.stdin.on('end', () => void subscription.stop());
  process.stdin.resume();
  for await (const e of subscription) {
    process.stdout.write(`${JSON.stringify({ id: e.id, at: performance.timeOrigin + performance.now() })}\n`);
  }
  await store.close();
}

void main();
