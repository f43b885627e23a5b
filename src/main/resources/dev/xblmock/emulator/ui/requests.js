// Live requests: the journal as it happens (server-sent events), newest first. The server sends batches at
// most every 100 ms; the page keeps the newest MAX_ENTRIES, draws at most once per animation frame (so never
// while the tab is hidden) and shows at most MAX_ROWS. A row is built once per entry and kept while the entry
// is: a redraw inserts the new rows and drops the old ones, so rows already shown (and a focused one) stay in
// place, and a thousand requests a second cost the page a few small redraws a second, not a thousand.
import {get, request} from './api.js';
import {h, field, table, fill} from './dom.js';

const MAX_ENTRIES = 500;
const MAX_ROWS = 100;

export function render(container, app) {
  let entries = [];          // newest first
  const rowsById = new Map(); // entry id → its <tr>, for every entry kept
  let paused = false;
  let frame = 0;             // the pending animation frame's id, 0 when none
  let selected = null;

  const filters = h('form', {class: 'toolbar', id: 'request-filters', onsubmit: e => e.preventDefault()},
    field('Method', h('select', {name: 'method'}, ['', 'GET', 'PUT', 'POST', 'DELETE'].map(m => h('option', {value: m}, m || 'any')))),
    field('Status', h('input', {name: 'status', size: 5, placeholder: 'e.g. 4 or 503'})),
    field('Service', h('select', {name: 'service'}, ['', 'titlestorage', 'userstats', 'unknown'].map(s => h('option', {value: s}, s || 'any')))),
    field('Path contains', h('input', {name: 'path'})));
  const pause = h('button', {type: 'button', class: 'secondary', id: 'request-pause', 'aria-pressed': 'false', onclick: () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    schedule();
  }}, 'Pause');
  const clear = h('button', {type: 'button', class: 'danger', onclick: async () => {
    if (await app.run(() => request('DELETE', '/_emulator/requests'), 'Journal cleared.')) {
      entries = []; rowsById.clear(); schedule();
    }
  }}, 'Clear journal');
  const summary = h('span', {class: 'muted', id: 'request-summary'});
  const rows = h('div', {id: 'request-rows'},
    table(['Time', 'Method', 'Path', 'Status', 'ms', 'Operation'], []));
  const body = rows.querySelector('tbody');
  const details = h('section', {class: 'panel', 'aria-label': 'Request details', id: 'request-details'});
  container.append(h('h2', {}, 'Live requests'), filters, h('div', {class: 'toolbar'}, pause, clear, summary),
    rows, details);
  filters.addEventListener('input', schedule);

  function add(batch) { // batch: oldest first
    const fresh = batch.filter(entry => !rowsById.has(entry.id));
    for (const entry of fresh) rowsById.set(entry.id, null); // built when first drawn
    entries = fresh.reverse().concat(entries);
    if (entries.length > MAX_ENTRIES) {
      for (const old of entries.splice(MAX_ENTRIES)) rowsById.delete(old.id);
    }
    schedule();
  }

  function schedule() {
    if (!frame && !paused) frame = requestAnimationFrame(draw);
  }

  function matches(entry, f) {
    return (!f.method.value || entry.method === f.method.value)
      && (!f.status.value.trim() || String(entry.status).startsWith(f.status.value.trim()))
      && (!f.service.value || entry.service === f.service.value)
      && (!f.path.value || entry.path.includes(f.path.value));
  }

  function row(entry) {
    let tr = rowsById.get(entry.id);
    if (!tr) {
      tr = h('tr', {class: entry === selected ? 'selected' : null},
        h('td', {}, entry.time.slice(11, 23)),
        h('td', {}, entry.method),
        h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => select(entry, tr)},
          entry.path + (entry.query ? '?' + entry.query : ''))),
        h('td', {class: `status status-${String(entry.status)[0]}`}, entry.status),
        h('td', {}, entry.durationMs),
        h('td', {}, `${entry.service}/${entry.operation}`));
      rowsById.set(entry.id, tr);
    }
    return tr;
  }

  function draw() {
    frame = 0;
    if (paused) return;
    const matching = entries.filter(entry => matches(entry, filters.elements));
    const shown = matching.slice(0, MAX_ROWS).map(row);
    // in place: rows already in order stay put (moving a focused row would drop its focus)
    let next = body.firstElementChild;
    for (const tr of shown) {
      if (tr === next) next = next.nextElementSibling;
      else body.insertBefore(tr, next);
    }
    while (next) {
      const stale = next;
      next = next.nextElementSibling;
      stale.remove();
    }
    summary.textContent = `${matching.length} matching of the last ${entries.length}, newest ${shown.length} shown`;
  }

  function select(entry, tr) {
    selected = entry;
    for (const old of body.querySelectorAll('tr.selected')) old.classList.remove('selected');
    tr.classList.add('selected');
    fill(details, h('h3', {}, `${entry.method} ${entry.path}`), h('dl', {},
      h('dt', {}, 'Request id'), h('dd', {}, entry.id),
      h('dt', {}, 'Time'), h('dd', {}, entry.time),
      h('dt', {}, 'Duration'), h('dd', {}, `${entry.durationMs} ms`),
      h('dt', {}, 'Status'), h('dd', {}, entry.status),
      h('dt', {}, 'Error code'), h('dd', {class: 'error-code'}, entry.errorCode || '—'),
      h('dt', {}, 'Query'), h('dd', {}, entry.query || '—'),
      h('dt', {}, 'Caller xuid'), h('dd', {}, entry.xuid || 'anonymous'),
      h('dt', {}, 'Service / operation'), h('dd', {}, `${entry.service} / ${entry.operation}`)),
      entry.errorCode === 'InjectedFault' ? h('p', {}, 'Answered by a rule of ', h('a', {href: '#faults'}, 'Faults'), '.') : '');
  }

  // subscribe first, then load what happened before: an entry in both is shown once (by id)
  const events = new EventSource('/_emulator/requests/stream');
  events.addEventListener('requests', event => add(JSON.parse(event.data)));
  events.addEventListener('overflow', () => app.say('The live view fell behind and reconnects; some requests may be missing.', true));
  events.onopen = () => summary.dataset.live = 'true';
  events.onerror = () => { summary.dataset.live = 'false'; };
  app.run(async () => add((await get(`/_emulator/requests?limit=${MAX_ENTRIES}`)).requests.reverse()));
  return () => { events.close(); cancelAnimationFrame(frame); };
}
