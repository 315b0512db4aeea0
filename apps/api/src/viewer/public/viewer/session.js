const KEY = 'activity-log.token';

/**
 * The signed-in token: kept in this tab's session storage only, read once from the URL fragment
 * (`#token=…`, which browsers never send to a server) when the CLI's link was opened.
 */
export function takeTokenFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export const storedToken = () => sessionStorage.getItem(KEY) ?? undefined;
export const storeToken = (token) => sessionStorage.setItem(KEY, token);
export const forgetToken = () => sessionStorage.removeItem(KEY);

/**
 * The token's claims, read without verifying them: only to choose which views to offer and to
 * say who is signed in. The API verifies the token on every request and decides what it shows.
 */
export function claimsOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return typeof claims === 'object' && claims !== null && typeof claims.role === 'string' ? claims : undefined;
  } catch {
    return undefined;
  }
}
