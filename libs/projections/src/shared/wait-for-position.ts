import { Projector } from './projector';

/**
 * Waits, bounded, until a projector (or its store) has applied `position`. Reads the stored
 * checkpoint, so it works whether the projector runs in this process or in the worker.
 */
export async function waitForPosition(
  projector: Pick<Projector, 'checkpoint'>,
  position: bigint,
  timeoutMs: number,
  pollMs = 10,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoint = await projector.checkpoint();
    if (checkpoint !== undefined && checkpoint >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
