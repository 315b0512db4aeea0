import { Api } from './api.js';
import { clear, h } from './dom.js';
import { words } from './format.js';
import { HubView } from './hub-view.js';
import { LogView } from './log-view.js';
import { Lookups } from './lookups.js';
import { claimsOf, forgetToken, storedToken, storeToken, takeTokenFromFragment } from './session.js';

/** The views each role reads (the API enforces the same rules; these only pick what to offer). */
const VIEWS_BY_ROLE = {
  msp_owner: ['msp', 'feed'],
  msp_admin: ['msp', 'feed'],
  org_owner: ['business', 'feed', 'hub'],
  org_admin: ['business', 'feed', 'hub'],
};

const el = (id) => document.getElementById(id);

let current;

function showSignIn(message = '') {
  current?.view.unmount();
  current = undefined;
  el('session').hidden = true;
  el('views').hidden = true;
  el('view').hidden = true;
  clear(el('view'));
  el('sign-in').hidden = false;
  el('sign-in-error').textContent = message;
  el('token').value = '';
  el('token').focus();
}

async function signIn(token) {
  const claims = claimsOf(token.trim());
  if (!claims) return showSignIn('That is not a bearer token this viewer can read (a JWT with a role claim).');
  const views = VIEWS_BY_ROLE[claims.role];
  if (!views) return showSignIn(`The role ${words(claims.role)} reads no Activity Log view.`);
  const api = new Api(token.trim(), {
    onUnauthorized: (error) => {
      forgetToken();
      showSignIn(`Signed out: ${error.message}. Sign in again.`);
    },
  });
  try {
    await api.get(claims.role.startsWith('msp_') ? '/organizations' : '/org/members', { limit: 1 });
  } catch (error) {
    if (error.status !== 401) showSignIn(error.message);
    return;
  }
  storeToken(token.trim());
  el('sign-in').hidden = true;
  el('who').textContent = `Signed in as ${claims.name ?? claims.email ?? claims.sub} · ${words(claims.role)}`;
  el('session').hidden = false;
  const session = { api, claims, lookups: new Lookups(api) };
  renderNav(views, session);
  await open(views[0], session);
}

function renderNav(views, session) {
  const list = clear(el('view-list'));
  for (const name of views) {
    const title = { msp: 'MSP Activity Log', business: 'Business Activity Log', feed: 'Organization feed', hub: 'Sharing Hub' }[name];
    list.append(h('li', {}, h('button', { type: 'button', class: 'tab', 'data-view': name, onclick: () => open(name, session) }, title)));
  }
  el('views').hidden = false;
}

async function open(name, session) {
  current?.view.unmount();
  const view = name === 'hub' ? new HubView(session) : new LogView(name, session);
  current = { name, view };
  for (const tab of el('view-list').querySelectorAll('button')) {
    if (tab.dataset.view === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  const container = clear(el('view'));
  container.hidden = false;
  document.title = `${view.title} · Activity Log`;
  await view.mount(container);
  if (current?.view === view) el('view-title')?.focus();
}

el('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = el('token').value;
  if (!token.trim()) {
    el('sign-in-error').textContent = 'Paste a bearer token first.';
    return;
  }
  void signIn(token);
});

el('sign-out').addEventListener('click', () => {
  forgetToken();
  showSignIn('Signed out.');
});

const token = takeTokenFromFragment() ?? storedToken();
if (token) void signIn(token);
else showSignIn();
