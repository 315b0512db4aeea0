/** An answer of the API that is not a success, with its message and field errors as the API gave them. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ? String(body.message) : `The API answered ${status}`);
    this.status = status;
    this.fields = body?.fields ?? {};
  }
}

/** The query string of the filters that are set; empty ones are left out. */
export function queryOf(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API on this page's origin, with the bearer token in the Authorization header only. */
export class Api {
  constructor(token, { onUnauthorized }) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  get(path, params = {}) {
    return this.request('GET', `${path}${queryOf(params)}`);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  /**
   * A single-use ticket that opens `path` (a live tail or an export) without headers, for
   * EventSource and download links; answers the URL to open.
   */
  async ticketed(path) {
    const { url } = await this.post('/stream-tickets', { path });
    return url;
  }

  /** Every page of a list (the filters' options), up to `max` items. */
  async all(path, max = 5000) {
    const items = [];
    let cursor;
    do {
      const page = await this.get(path, { limit: 1000, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && items.length < max);
    return items;
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
    if (res.ok) return answer;
    const error = new ApiError(res.status, answer);
    if (res.status === 401) this.onUnauthorized(error);
    throw error;
  }
}
