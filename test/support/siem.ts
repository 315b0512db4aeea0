/** SIEM delivery settings fast enough for a test, on the same code paths as in production. */
export const FAST_SIEM_SETTINGS = {
  SIEM_DELIVERY_IN_API: 'true',
  SIEM_SUPERVISOR_INTERVAL_MS: '100',
  SIEM_RETRY_INITIAL_MS: '20',
  SIEM_RETRY_MAX_MS: '300',
  SIEM_SYNC_EVENT_INTERVAL_MS: '2000',
  SIEM_BATCH_SIZE: '100',
};

/** Waits until `check` holds, polling; fails naming `what` after the timeout. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
