/**
 * Revealed values by token, so that a stream folded for every command, or a page read again, is
 * not decrypted again each time. Bounded; a subject's entries go when it is erased. Only asked
 * after its key was found present, so an erased member's value is never answered from here.
 */
export class PlaintextCache {
  private readonly values = new Map<string, string>();

  constructor(private readonly maxEntries = 100_000) {}

  /** Whether `token` was revealed (and is still kept): only whole tokens are ever kept. */
  has(token: string): boolean {
    return this.values.has(token);
  }

  get(token: string): string | undefined {
    return this.values.get(token);
  }

  set(token: string, text: string): void {
    if (this.values.size >= this.maxEntries) this.values.delete(this.values.keys().next().value!);
    this.values.set(token, text);
  }

  dropKey(keyId: string): void {
    const prefix = `pd1:${keyId}:`;
    for (const token of this.values.keys()) if (token.startsWith(prefix)) this.values.delete(token);
  }
}
