/**
 * The options the filters offer, each read once per sign-in from the API's own lists (and the
 * categories from its OpenAPI document, so they never drift from what the API accepts).
 */
export class Lookups {
  constructor(api) {
    this.api = api;
    this.cache = new Map();
  }

  organizations() {
    return this.once('organizations', () => this.api.all('/organizations'));
  }

  mspMembers() {
    return this.once('msp-members', () => this.api.all('/msp/members'));
  }

  orgMembers() {
    return this.once('org-members', () => this.api.all('/org/members'));
  }

  /** The `category` values a log route accepts. */
  categories(path) {
    return this.once(`categories ${path}`, async () => {
      const res = await fetch('/openapi.json');
      if (!res.ok) return [];
      const doc = await res.json();
      const parameter = doc.paths?.[path]?.get?.parameters?.find((p) => p.name === 'category');
      return parameter?.schema?.enum ?? [];
    });
  }

  once(key, load) {
    if (!this.cache.has(key)) {
      const loading = load().catch((error) => {
        this.cache.delete(key);
        throw error;
      });
      this.cache.set(key, loading);
    }
    return this.cache.get(key);
  }
}
