/** A base that no request path can leave unnoticed: a path that changes the origin is not a path. */
const BASE = 'http://stream-ticket.invalid';

/** The query parameter a ticket travels in: never part of what it is bound to. */
export const TICKET_PARAM = 'ticket';

/**
 * What a ticket is bound to: `GET <path>?<query>`, the query's pairs sorted so that their order
 * does not matter, without the ticket itself. Undefined for anything that is not a plain
 * absolute path (another origin, `//host`, a fragment).
 */
export function streamTarget(pathAndQuery: string): string | undefined {
  if (!pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//') || pathAndQuery.includes('#')) return undefined;
  let url: URL;
  try {
    url = new URL(pathAndQuery, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const pairs = [...url.searchParams].filter(([key]) => key !== TICKET_PARAM);
  pairs.sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)));
  return `GET ${url.pathname}?${new URLSearchParams(pairs).toString()}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
