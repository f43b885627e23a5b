// Storage browser: namespaces with their quota, a namespace's blobs as folders (paged: a namespace may hold
// tens of thousands), a blob's metadata and preview, upload, download and delete.
import {get, query, request, blobUrl, BLOB} from './api.js';
import {h, field, table, bytes, formValues, fill} from './dom.js';

const PAGE = 200;
const PREVIEW_BYTES = 64 * 1024;
const HEX_BYTES = 512;

export function render(container, app) {
  const state = {namespace: null, dir: '', skip: 0, blob: null};
  const namespaces = h('section', {class: 'panel', 'aria-label': 'Namespaces'});
  const listing = h('section', {class: 'panel', 'aria-label': 'Blobs'});
  const detail = h('section', {class: 'panel', 'aria-label': 'Blob', id: 'blob-detail'});
  const upload = uploadForm(app, state, () => { loadNamespaces(); loadListing(); });
  container.append(h('h2', {}, 'Storage'), h('div', {class: 'columns'}, namespaces, listing), detail, upload);

  async function loadNamespaces() {
    const {namespaces: all} = await app.run(() => get('/_emulator/storage/namespaces')) || {namespaces: []};
    const rows = all.map(ns => h('tr', {class: ns.namespace === state.namespace ? 'selected' : null},
      h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => open(ns.namespace)}, ns.namespace)),
      h('td', {}, ns.blobs),
      h('td', {}, h('meter', {min: 0, max: ns.quotaBytes, value: ns.usedBytes,
        'aria-label': `quota used by ${ns.namespace}`}), ' ', `${bytes(ns.usedBytes)} of ${bytes(ns.quotaBytes)}`)));
    fill(namespaces, h('h3', {}, 'Namespaces'),
      all.length ? table(['Namespace', 'Blobs', 'Quota'], rows) : h('p', {class: 'muted'}, 'No blobs stored yet.'));
  }

  function open(namespace, dir = '') {
    Object.assign(state, {namespace, dir, skip: 0, blob: null});
    upload.querySelector('[name=namespace]').value = namespace;
    upload.querySelector('[name=path]').value = dir ? dir + '/' : '';
    detail.replaceChildren();
    loadNamespaces();
    loadListing();
  }

  async function loadListing() {
    if (!state.namespace) {
      fill(listing, h('h3', {}, 'Blobs'), h('p', {class: 'muted'}, 'Choose a namespace.'));
      return;
    }
    const page = await app.run(() => get(`/_emulator/storage/blobs?${query({namespace: state.namespace,
      path: state.dir, skipItems: state.skip, maxItems: PAGE})}`));
    if (!page) return;
    const prefix = state.dir ? state.dir + '/' : '';
    const folders = new Map();
    const files = [];
    for (const blob of page.blobs) {
      const rest = blob.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) files.push(blob);
      else folders.set(rest.slice(0, slash), (folders.get(rest.slice(0, slash)) || 0) + 1);
    }
    const rows = [...folders].map(([name, count]) => h('tr', {},
      h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => open(state.namespace, prefix + name)},
        `📁 ${name}/`)), h('td', {}, ''), h('td', {class: 'muted'}, `${count} on this page`)));
    for (const blob of files) {
      rows.push(h('tr', {class: state.blob && state.blob.fileName === blob.fileName ? 'selected' : null},
        h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => show(blob)},
          blob.fileName.slice(prefix.length))),
        h('td', {}, blob.type), h('td', {}, bytes(blob.size))));
    }
    const total = page.pagingInfo.totalItems;
    const last = Math.min(state.skip + PAGE, total);
    fill(listing, h('h3', {}, 'Blobs'), breadcrumbs(),
      table(['Name', 'Type', 'Size'], rows),
      h('div', {class: 'toolbar'},
        h('span', {class: 'muted'}, total ? `${state.skip + 1}–${last} of ${total}` : 'empty'),
        h('button', {type: 'button', class: 'secondary', disabled: state.skip === 0,
          onclick: () => { state.skip = Math.max(0, state.skip - PAGE); loadListing(); }}, 'Previous page'),
        h('button', {type: 'button', class: 'secondary', disabled: last >= total,
          onclick: () => { state.skip += PAGE; loadListing(); }}, 'Next page')));
  }

  function breadcrumbs() {
    const parts = state.dir ? state.dir.split('/') : [];
    return h('nav', {class: 'crumbs', 'aria-label': 'Folder'},
      h('button', {type: 'button', class: 'link', onclick: () => open(state.namespace)}, state.namespace),
      parts.map((part, i) => ['/', h('button', {type: 'button', class: 'link',
        onclick: () => open(state.namespace, parts.slice(0, i + 1).join('/'))}, part)]));
  }

  async function show(blob) {
    state.blob = blob;
    loadListing();
    const url = blobUrl(state.namespace, blob.fileName);
    const remove = async () => {
      if (!confirm(`Delete ${blob.fileName}?`)) return;
      const done = await app.run(() => request('DELETE', url, {headers: {'If-Match': blob.etag}}), `Deleted ${blob.fileName}.`);
      if (done) { detail.replaceChildren(); state.blob = null; loadNamespaces(); loadListing(); }
    };
    fill(detail, h('h3', {}, blob.fileName),
      h('dl', {},
        h('dt', {}, 'Namespace'), h('dd', {}, state.namespace),
        h('dt', {}, 'ETag'), h('dd', {}, blob.etag),
        h('dt', {}, 'Size'), h('dd', {}, `${blob.size} bytes`),
        h('dt', {}, 'Type'), h('dd', {}, blob.type),
        h('dt', {}, 'Display name'), h('dd', {}, blob.displayName || '—'),
        h('dt', {}, 'Client file time'), h('dd', {}, blob.clientFileTime || '—')),
      h('div', {class: 'toolbar'},
        h('a', {href: url, download: blob.path.split('/').pop()}, 'Download'),
        h('button', {type: 'button', class: 'danger', onclick: remove}, 'Delete')),
      await preview(app, url, blob));
  }

  loadNamespaces();
  loadListing();
}

/** JSON and config pretty-printed; binary as hex and ASCII of the first bytes. */
async function preview(app, url, blob) {
  const text = blob.type !== 'binary';
  if (blob.size === 0) return h('p', {class: 'muted'}, 'Empty blob.');
  const limit = text ? PREVIEW_BYTES : HEX_BYTES;
  const response = await app.run(() => request('GET', url, {headers: {Range: `bytes=0-${limit - 1}`}}));
  if (!response) return '';
  const data = new Uint8Array(await response.arrayBuffer());
  const truncated = blob.size > data.length ? h('p', {class: 'muted'}, `First ${data.length} of ${blob.size} bytes.`) : '';
  if (text) {
    let shown = new TextDecoder().decode(data);
    if (!truncated) {
      try { shown = JSON.stringify(JSON.parse(shown), null, 2); } catch { /* shown as stored */ }
    }
    return h('div', {}, h('h3', {}, 'Content'), truncated, h('pre', {id: 'blob-preview'}, shown));
  }
  const lines = [];
  for (let offset = 0; offset < data.length; offset += 16) {
    const row = data.slice(offset, offset + 16);
    const hex = [...row].map(b => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map(b => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return h('div', {}, h('h3', {}, 'Content (hex)'), truncated, h('pre', {id: 'blob-preview'}, lines.join('\n')));
}

function uploadForm(app, state, uploaded) {
  const form = h('form', {id: 'upload-form'},
    field('Namespace', h('input', {name: 'namespace', required: true, size: 36, placeholder: '/global/scids/<scid>'})),
    field('Path and file name', h('input', {name: 'path', required: true, placeholder: 'saves/slot1.json'})),
    field('Type', h('select', {name: 'type'}, ['binary', 'json', 'config'].map(t => h('option', {value: t}, t)))),
    field('Display name', h('input', {name: 'displayName'})),
    field('File', h('input', {name: 'file', type: 'file', required: true})),
    h('button', {type: 'submit'}, 'Upload'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const name = `${v.path},${v.type}`;
    const done = await app.run(() => request('PUT', `${BLOB}?${query({namespace: v.namespace, name,
      displayName: v.displayName})}`, {body: v.file, headers: {'Content-Type': 'application/octet-stream'}}),
      `Uploaded ${name} to ${v.namespace}.`);
    if (done) {
      state.namespace = state.namespace || v.namespace;
      uploaded();
    }
  });
  return h('section', {class: 'panel', 'aria-label': 'Upload'}, h('h3', {}, 'Upload a blob (new or replacing)'), form);
}
