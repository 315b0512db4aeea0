import { announce, clear, field, h, select } from './dom.js';
import { defaultFrom, person, time, windowOf, words } from './format.js';

const COLUMNS = ['Name', 'Kind', 'Created by', 'Owner', 'Shared with', 'Folder', 'Last change', 'History'];

/**
 * The Sharing Hub: every item and folder of the organization, who has it and with which rights,
 * its sharing policy and the history of those changes. Admins get generic details only: the API
 * leaves names and types out, and the page shows that they are hidden, nothing more.
 */
export class HubView {
  constructor({ api }) {
    this.api = api;
    this.cursors = [undefined];
  }

  get title() {
    return 'Sharing Hub';
  }

  async mount(container) {
    this.container = container;
    this.form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (event) => this.firstPage(event) },
      h('div', { class: 'fields' },
        field('Show', select('kind', [{ value: '', label: 'Items and folders' }, { value: 'item', label: 'Items' }, { value: 'folder', label: 'Folders' }])),
        h('div', { class: 'field checkbox' }, h('label', {}, h('input', { type: 'checkbox', name: 'includeDeleted', value: 'true' }), ' Include deleted')),
        field('Changed from', h('input', { type: 'date', name: 'from', value: defaultFrom() })),
        field('Changed until', h('input', { type: 'date', name: 'to' }), 'Leave empty for now. At most 90 days.')),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters')));
    this.error = h('p', { class: 'error', role: 'alert' });
    this.policy = h('p', { class: 'policy' });
    this.caption = h('caption');
    this.body = h('tbody');
    this.empty = h('p', { class: 'empty', hidden: true }, 'No item or folder changed in this date range.');
    this.previous = h('button', { type: 'button', class: 'secondary', onclick: () => this.move(-1) }, '← Recently changed');
    this.next = h('button', { type: 'button', class: 'secondary', onclick: () => this.move(1) }, 'Changed earlier →');
    this.pageLabel = h('span', { class: 'page-number' });
    container.append(
      h('h2', { id: 'view-title', tabindex: '-1' }, 'Sharing Hub'),
      h('p', { class: 'lede' }, 'Items and folders of the organization, most recently changed first.'),
      this.form,
      this.policy,
      this.error,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'entries hub' }, this.caption,
          h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))), this.body)),
      this.empty,
      h('nav', { class: 'pager', 'aria-label': 'Pages' }, this.previous, this.pageLabel, this.next),
    );
    await this.load();
  }

  unmount() {}

  firstPage(event) {
    event?.preventDefault();
    this.cursors = [undefined];
    return this.load();
  }

  async move(step) {
    if (step > 0 && this.nextCursor) this.cursors.push(this.nextCursor);
    if (step < 0 && this.cursors.length > 1) this.cursors.pop();
    await this.load();
  }

  async load() {
    this.error.textContent = '';
    const data = Object.fromEntries(new FormData(this.form));
    const window = windowOf(data.from, data.to);
    if (window.error) {
      this.error.textContent = window.error;
      return;
    }
    try {
      const page = await this.api.get('/sharing-hub', {
        kind: data.kind, includeDeleted: data.includeDeleted, ...window, limit: 25, cursor: this.cursors[this.cursors.length - 1],
      });
      this.nextCursor = page.nextCursor;
      this.render(page);
    } catch (error) {
      this.error.textContent = error.message;
    }
  }

  render(page) {
    clear(this.body);
    for (const record of page.items) this.body.append(this.row(record));
    this.empty.hidden = page.items.length > 0;
    const restricted = page.items.find((r) => r.sharingPolicy)?.sharingPolicy.restrictSharingOutsideOrg;
    this.policy.textContent = restricted === undefined ? '' : `Sharing policy: sharing outside the organization is ${restricted ? 'restricted' : 'allowed'}.`;
    this.caption.textContent = `Sharing Hub, page ${this.cursors.length}: ${page.items.length} items and folders`;
    this.pageLabel.textContent = `Page ${this.cursors.length}`;
    this.previous.disabled = this.cursors.length === 1;
    this.next.disabled = !page.nextCursor;
    announce(`${page.items.length} items and folders`);
  }

  row(record) {
    const historyButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Show history');
    const row = h('tr', { 'data-record-id': record.id, class: record.deleted ? 'deleted' : undefined },
      h('td', {}, nameOf(record), record.deleted ? h('span', { class: 'badge' }, 'deleted') : null),
      h('td', {}, record.kind === 'item' ? words(record.itemType ?? 'item') : 'folder'),
      h('td', {}, person(record.createdBy), h('br'), time(record.createdAt)),
      h('td', {}, person(record.owner)),
      h('td', {}, shares(record.sharedWith)),
      h('td', {}, record.folder ? record.folder.name ?? hidden('folder') : '—'),
      h('td', {}, time(record.updatedAt)),
      h('td', {}, historyButton));
    historyButton.addEventListener('click', () => this.toggleHistory(record, row, historyButton));
    return row;
  }

  async toggleHistory(record, row, button) {
    const open = row.nextElementSibling?.classList.contains('history-row') ? row.nextElementSibling : undefined;
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Show history';
      return;
    }
    try {
      const detail = await this.api.get(`/sharing-hub/items/${encodeURIComponent(record.id)}`, { kind: record.kind });
      const list = h('ol', { class: 'history' }, detail.history.map((c) => h('li', {}, time(c.occurredAt), ' ', words(c.change), ' by ', person(c.by),
        c.principal ? ` · ${c.principal.displayName}` : '', c.rights ? ` (${words(c.rights)})` : '')));
      row.after(h('tr', { class: 'history-row' }, h('td', { colspan: COLUMNS.length }, h('h3', { class: 'visually-hidden' }, 'History'), list)));
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide history';
    } catch (error) {
      this.error.textContent = error.message;
    }
  }
}

/** Admins see generic details: say that the name is hidden, never guess it. */
function nameOf(record) {
  return record.name ?? hidden(record.kind === 'item' ? 'an item' : 'a folder');
}

function hidden(what) {
  return h('span', { class: 'redacted', title: 'Details are shown to organization owners only' }, `${what} (details hidden)`);
}

function shares(sharedWith) {
  if (sharedWith.length === 0) return 'Not shared';
  return h('ul', { class: 'shares' }, sharedWith.map((s) => h('li', {}, s.principal.displayName, ' ', h('span', { class: 'rights' }, words(s.rights)))));
}
