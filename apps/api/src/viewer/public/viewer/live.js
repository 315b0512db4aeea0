/** How long to wait before opening a stream again after it dropped. */
const RETRY_MS = 2000;

/**
 * A live tail through EventSource, which cannot send the Authorization header: each connection
 * opens with a fresh single-use ticket, and resumes after the last entry received. The server
 * ends a stream when the token expires (`event: end`, reason `token_expired`); a dropped one is
 * reopened with a new ticket (the browser's own retry reuses the spent ticket and is refused).
 */
export class LiveTail {
  constructor(api, path, { after, onEntry, onState }) {
    this.api = api;
    this.path = path;
    this.after = after;
    this.onEntry = onEntry;
    this.onState = onState;
    this.stopped = false;
  }

  async start() {
    if (this.stopped) return;
    this.onState('connecting');
    let url;
    try {
      url = await this.api.ticketed(this.after ? withAfter(this.path, this.after) : this.path);
    } catch (error) {
      if (error.status === 401 || error.status === 403) return this.finish(error.status === 401 ? 'expired' : 'refused');
      return this.retryLater();
    }
    if (this.stopped) return;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => this.onState('live'));
    source.addEventListener('activity', (event) => {
      this.after = event.lastEventId || this.after;
      this.onEntry(JSON.parse(event.data));
    });
    source.addEventListener('end', (event) => {
      source.close();
      const { reason } = JSON.parse(event.data);
      if (reason === 'token_expired') this.finish('expired');
      else this.retryLater();
    });
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) source.close();
      if (!this.stopped && this.source === source) this.retryLater();
    });
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
  }

  retryLater() {
    this.source?.close();
    this.source = undefined;
    if (this.stopped) return;
    this.onState('reconnecting');
    this.timer = setTimeout(() => this.start(), RETRY_MS);
  }

  finish(state) {
    this.stop();
    this.onState(state);
  }
}

function withAfter(path, after) {
  const [pathname, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('after', after);
  return `${pathname}?${params}`;
}
