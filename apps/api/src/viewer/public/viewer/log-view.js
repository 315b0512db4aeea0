import { queryOf } from './api.js';
import { announce, clear, field, h, select } from './dom.js';
import { defaultFrom, person, time, windowOf, words } from './format.js';
import { LiveTail } from './live.js';

const PAGE_SIZES = [10, 25, 50, 100];

/** The three logs: where each is read, what it is about, and which filters it offers. */
const LOGS = {
  msp: {
    title: 'MSP Activity Log',
    lede: 'Every action taken in the MSP admin panel, newest first.',
    base: () => '/activity-log/msp',
    categories: '/activity-log/msp',
    columns: ['Time', 'Member', 'Action', 'Activity', 'Organization', 'Category', 'IP address'],
  },
  business: {
    title: 'Business Activity Log',
    lede: 'What the organization’s members did, newest first.',
    base: () => '/activity-log/business',
    categories: '/activity-log/business',
    columns: ['Time', 'Member', 'Action', 'Activity', 'Item', 'IP address'],
  },
  feed: {
    title: 'Organization feed',
    lede: 'Everything about one organization, newest first.',
    base: (asked) => `/organizations/${encodeURIComponent(asked.organization)}/feed`,
    categories: '/organizations/{organizationId}/feed',
    columns: ['Time', 'Member', 'Action', 'Activity', 'Category', 'Item', 'IP address'],
  },
};

/** One log: its filters, a page of entries, paging by cursor, CSV export and live updates. */
export class LogView {
  constructor(kind, { api, claims, lookups }) {
    this.kind = kind;
    this.log = LOGS[kind];
    this.api = api;
    this.claims = claims;
    this.lookups = lookups;
    this.isMsp = claims.role.startsWith('msp_');
    this.cursors = [undefined];
    this.shown = new Set();
    this.newer = 0;
  }

  get title() {
    return this.log.title;
  }

  async mount(container) {
    this.container = container;
    this.organizations = this.isMsp ? await this.lookups.organizations().catch(() => []) : [];
    this.form = await this.filterForm();
    this.error = h('p', { class: 'error', role: 'alert' });
    this.liveState = h('span', { class: 'live-state', role: 'status' });
    this.liveToggle = h('input', { type: 'checkbox', name: 'live', checked: true, onchange: () => this.restartLive() });
    this.caption = h('caption');
    this.body = h('tbody');
    this.empty = h('p', { class: 'empty', hidden: true }, 'No activity matches these filters in this date range.');
    this.newerButton = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => this.firstPage() });
    this.pager = this.pagerBar();
    append(container, [
      h('h2', { id: 'view-title', tabindex: '-1' }, this.log.title),
      h('p', { class: 'lede' }, this.log.lede),
      this.form,
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', onclick: () => this.exportCsv() }, 'Export CSV'),
        h('label', { class: 'toggle' }, this.liveToggle, ' Live updates'),
        this.liveState,
        this.newerButton),
      this.error,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'entries' }, this.caption,
          h('thead', {}, h('tr', {}, this.log.columns.map((c) => h('th', { scope: 'col' }, c)))),
          this.body)),
      this.empty,
      this.pager.element,
    ]);
    await this.firstPage();
  }

  unmount() {
    this.live?.stop();
  }

  /** The product's filters for this log, with options from the API's lists. */
  async filterForm() {
    const fields = [];
    if (this.kind === 'feed') fields.push(await this.organizationField(true));
    if (this.kind === 'msp') {
      const members = await this.lookups.mspMembers().catch(() => []);
      const list = h('datalist', { id: 'member-emails' }, members.map((m) => h('option', { value: m.email }, m.name ?? '')));
      fields.push(field('Member email', h('input', { type: 'email', name: 'memberEmail', list: 'member-emails', autocomplete: 'off' })), list);
      fields.push(await this.organizationField(false));
    } else if (this.isMsp) {
      fields.push(field('Member email', h('input', { type: 'email', name: 'memberEmail', autocomplete: 'off' })));
    } else {
      const members = await this.lookups.orgMembers().catch(() => []);
      const options = members.map((m) => ({ value: m.memberId, label: `${m.name ? `${m.name} — ` : ''}${m.email} (${words(m.status)})` }));
      fields.push(field('Member', select('memberId', [{ value: '', label: 'Any member' }, ...options])));
    }
    if (this.kind !== 'msp') fields.push(field('Item ID', h('input', { type: 'text', name: 'itemId', autocomplete: 'off', spellcheck: 'false' })));
    const categories = await this.lookups.categories(this.log.categories).catch(() => []);
    fields.push(field('Category', select('category', [{ value: '', label: 'All categories' }, ...categories.map((c) => ({ value: c, label: c }))])));
    fields.push(field('From', h('input', { type: 'date', name: 'from', value: defaultFrom() })));
    fields.push(field('To', h('input', { type: 'date', name: 'to' }), 'Leave empty for now. At most 90 days.'));
    fields.push(field('Rows per page', select('limit', PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) })), '25')));
    const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (event) => this.applyFilters(event) },
      h('div', { class: 'fields' }, fields),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, 'Apply filters'),
        h('button', { type: 'reset', class: 'secondary', onclick: () => setTimeout(() => this.applyFilters(), 0) }, 'Reset')));
    return form;
  }

  async organizationField(required) {
    if (!this.isMsp) {
      const own = h('input', { type: 'text', name: 'organization', value: this.claims.orgId, readonly: true });
      return field('Organization', own);
    }
    const options = this.organizations.map((o) => ({ value: o.id, label: `${o.name} (${words(o.status)})` }));
    const name = required ? 'organization' : 'organizationId';
    const first = required ? [] : [{ value: '', label: 'All organizations' }];
    return field('Organization', select(name, [...first, ...options], required ? options[0]?.value : ''));
  }

  applyFilters(event) {
    event?.preventDefault();
    return this.firstPage();
  }

  /** What the form asks for, or an error message. */
  filters() {
    const data = Object.fromEntries(new FormData(this.form));
    const window = windowOf(data.from, data.to);
    if (window.error) return { error: window.error };
    if (this.kind === 'feed' && !data.organization) return { error: 'Choose an organization.' };
    const { from: _from, to: _to, limit: _limit, organization, ...query } = data;
    return { organization, query, window, limit: Number(data.limit), live: !data.to };
  }

  async firstPage() {
    this.cursors = [undefined];
    this.newer = 0;
    this.newerButton.hidden = true;
    await this.load();
  }

  async load() {
    this.live?.stop();
    this.error.textContent = '';
    const asked = this.filters();
    if (asked.error) {
      this.error.textContent = asked.error;
      return;
    }
    this.asked = asked;
    const cursor = this.cursors[this.cursors.length - 1];
    this.container.setAttribute('aria-busy', 'true');
    try {
      const page = await this.api.get(this.log.base(asked), { ...asked.query, ...asked.window, limit: asked.limit, cursor });
      this.nextCursor = page.nextCursor;
      this.render(page);
      this.restartLive(page);
    } catch (error) {
      this.error.textContent = error.message;
    } finally {
      this.container.removeAttribute('aria-busy');
    }
  }

  render(page) {
    clear(this.body);
    this.shown.clear();
    for (const entry of page.items) this.body.append(this.row(entry));
    this.empty.hidden = page.items.length > 0;
    const pageNumber = this.cursors.length;
    this.caption.textContent = `${this.log.title}, page ${pageNumber}: ${page.items.length} entries from ${new Date(page.window.from).toLocaleString()} to ${new Date(page.window.to).toLocaleString()}`;
    this.pager.update(pageNumber, !!page.nextCursor);
    announce(`${page.items.length} entries, page ${pageNumber}`);
  }

  row(entry, fresh = false) {
    this.shown.add(entry.id);
    const cells = {
      Time: time(entry.occurredAt),
      Member: person(entry.initiator),
      Action: entry.action,
      Activity: entry.summary,
      Organization: this.organizationName(entry.organizationId),
      Category: entry.category,
      Item: item(entry.item),
      'IP address': entry.ip ?? '—',
    };
    return h('tr', { class: fresh ? 'fresh' : undefined, 'data-entry-id': entry.id, 'data-position': entry.position },
      this.log.columns.map((c) => h('td', { 'data-column': c }, cells[c])));
  }

  organizationName(id) {
    if (!id) return '—';
    return this.organizations.find((o) => o.id === id)?.name ?? id;
  }

  /** Live updates follow the first page while the range ends now; they resume after its newest entry. */
  restartLive(page) {
    this.live?.stop();
    this.live = undefined;
    if (!this.liveToggle.checked || !this.asked?.live) {
      this.liveState.textContent = this.asked?.live === false ? 'Live updates need a range that ends now' : 'Live updates off';
      return;
    }
    const newest = page?.items.reduce((max, e) => (max === undefined || BigInt(e.position) > BigInt(max) ? e.position : max), undefined);
    const path = `${this.log.base(this.asked)}/live${queryOf(this.asked.query)}`;
    this.live = new LiveTail(this.api, path, {
      after: newest,
      onEntry: (entry) => this.arrived(entry),
      onState: (state) => (this.liveState.textContent = LIVE_STATES[state] ?? state),
    });
    void this.live.start();
  }

  arrived(entry) {
    if (this.shown.has(entry.id)) return;
    if (this.cursors.length > 1) {
      this.newer += 1;
      this.newerButton.hidden = false;
      this.newerButton.textContent = `${this.newer} new ${this.newer === 1 ? 'entry' : 'entries'}: show the newest`;
      return;
    }
    this.empty.hidden = true;
    this.body.prepend(this.row(entry, true));
    announce(`New entry: ${entry.summary}`);
  }

  pagerBar() {
    const label = h('span', { class: 'page-number' });
    const previous = h('button', { type: 'button', class: 'secondary', onclick: () => this.move(-1) }, '← Newer entries');
    const next = h('button', { type: 'button', class: 'secondary', onclick: () => this.move(1) }, 'Older entries →');
    return {
      element: h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, label, next),
      update: (page, hasNext) => {
        label.textContent = `Page ${page}`;
        previous.disabled = page === 1;
        next.disabled = !hasNext;
      },
    };
  }

  async move(step) {
    if (step > 0 && this.nextCursor) this.cursors.push(this.nextCursor);
    if (step < 0 && this.cursors.length > 1) this.cursors.pop();
    await this.load();
  }

  /** The whole filtered range as CSV, through a single-use ticket (a download link cannot send the token). */
  async exportCsv() {
    this.error.textContent = '';
    const asked = this.filters();
    if (asked.error) {
      this.error.textContent = asked.error;
      return;
    }
    try {
      const url = await this.api.ticketed(`${this.log.base(asked)}/export${queryOf({ format: 'csv', ...asked.query, ...asked.window })}`);
      const link = h('a', { href: url, download: '', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      announce('Export started');
    } catch (error) {
      this.error.textContent = error.message;
    }
  }
}

const LIVE_STATES = {
  connecting: 'Connecting to live updates…',
  live: 'Live: new entries appear at the top',
  reconnecting: 'Live updates interrupted, reconnecting…',
  expired: 'Live updates ended: the session expired. Sign in again to resume.',
  refused: 'Live updates are not available for this role',
};

/** A vault item as the reader may see it: owners get its type and name, everyone else only its id. */
function item(value) {
  if (!value) return '—';
  const details = [value.name, value.type && `(${value.type})`].filter(Boolean).join(' ');
  return [h('code', { class: 'item-id' }, value.id), details && h('span', { class: 'item-details' }, details)];
}

function append(parent, children) {
  for (const child of children) if (child) parent.append(child);
}
