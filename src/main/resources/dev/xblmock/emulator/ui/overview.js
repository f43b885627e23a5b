import {get} from './api.js';
import {h, bytes, fill} from './dom.js';

export function render(container, app) {
  const body = h('div', {});
  const refresh = () => app.run(async () => fill(body, content(await get('/_emulator/overview'))));
  container.append(h('h2', {}, 'Overview'),
    h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'secondary', onclick: refresh}, 'Refresh')), body);
  refresh();
  const timer = setInterval(refresh, 5000);
  return () => clearInterval(timer);
}

function content(o) {
  const c = o.counts;
  return h('div', {class: 'columns'},
    h('section', {class: 'panel', 'aria-label': 'Server'}, h('h3', {}, 'Server'), h('dl', {},
      h('dt', {}, 'Version'), h('dd', {}, o.version || 'development build'),
      h('dt', {}, 'Started'), h('dd', {}, `${o.startedAt} (up ${duration(o.uptimeSeconds)})`),
      h('dt', {}, 'Listeners'), h('dd', {}, o.listeners.join(', ')),
      h('dt', {}, 'Storage'), h('dd', {}, o.storage.backend + (o.storage.directory ? ` in ${o.storage.directory}` : '')),
      h('dt', {}, 'Auth mode'), h('dd', {}, o.authMode),
      h('dt', {}, 'Startup seed'), h('dd', {}, o.seed || 'none'))),
    h('section', {class: 'panel', 'aria-label': 'Counts'}, h('h3', {}, 'Counts'), h('dl', {},
      h('dt', {}, 'Namespaces'), h('dd', {'data-count': 'namespaces'}, c.namespaces),
      h('dt', {}, 'Blobs'), h('dd', {'data-count': 'blobs'}, c.blobs),
      h('dt', {}, 'Stored'), h('dd', {}, bytes(c.bytes)),
      h('dt', {}, 'Users with stats'), h('dd', {'data-count': 'users'}, c.users),
      h('dt', {}, 'Unfinished uploads'), h('dd', {}, c.unfinishedUploads),
      h('dt', {}, 'Journal entries'), h('dd', {'data-count': 'journal'}, c.journalEntries),
      h('dt', {}, 'Fault rules'), h('dd', {'data-count': 'faults'}, c.faultRules))));
}

function duration(seconds) {
  const h_ = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
  return h_ ? `${h_} h ${m} min` : m ? `${m} min ${s} s` : `${s} s`;
}
