// User Statistics: users and their stats per scid, edited through PUT /_emulator/stats/users/{xuid}/scids/{scid}
// (the same type rules as the seed); the seed's titles and groups. A PUT replaces the whole stat, so the form
// always sends its value metadata and properties as shown: editing the value keeps the properties.
import {get, query, request} from './api.js';
import {h, field, table, formValues, fill} from './dom.js';

const PAGE = 100;

export function render(container, app) {
  const state = {skip: 0, xuid: null};
  const users = h('section', {class: 'panel', 'aria-label': 'Users'});
  const user = h('section', {class: 'panel', 'aria-label': 'Stats of the user', id: 'user-stats'});
  const catalog = h('section', {class: 'panel', 'aria-label': 'Titles and groups'});
  const editor = statForm(app, () => { loadUsers(); if (state.xuid) showUser(state.xuid); });
  container.append(h('h2', {}, 'User Statistics'), h('div', {class: 'columns'}, users, user), editor.element, catalog);

  async function loadUsers() {
    const page = await app.run(() => get(`/_emulator/stats/users?${query({skipItems: state.skip, maxItems: PAGE})}`));
    if (!page) return;
    const rows = page.users.map(u => h('tr', {class: u.xuid === state.xuid ? 'selected' : null},
      h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => showUser(u.xuid)}, u.xuid)),
      h('td', {}, u.gamertag || '—'),
      h('td', {}, Object.keys(u.scids).length)));
    const total = page.pagingInfo.totalItems;
    fill(users, h('h3', {}, 'Users'),
      total ? table(['Xuid', 'Gamertag', 'Scids'], rows) : h('p', {class: 'muted'}, 'No stats stored yet.'),
      total > PAGE ? h('div', {class: 'toolbar'},
        h('button', {type: 'button', class: 'secondary', disabled: state.skip === 0,
          onclick: () => { state.skip = Math.max(0, state.skip - PAGE); loadUsers(); }}, 'Previous page'),
        h('button', {type: 'button', class: 'secondary', disabled: state.skip + PAGE >= total,
          onclick: () => { state.skip += PAGE; loadUsers(); }}, 'Next page')) : '');
  }

  async function showUser(xuid) {
    state.xuid = xuid;
    const u = await app.run(() => get(`/_emulator/stats/users/${encodeURIComponent(xuid)}`));
    if (!u) return;
    loadUsers();
    const sections = Object.entries(u.scids).map(([scid, stats]) => h('div', {},
      h('h4', {}, `scid ${scid}`),
      table(['Stat', 'Type', 'Value', 'Properties', ''], Object.entries(stats).map(([name, stat]) => h('tr', {},
        h('td', {}, name), h('td', {}, stat.type), h('td', {}, stat.value),
        h('td', {class: 'properties'}, Object.entries(stat.properties || {}).map(([key, value]) =>
          h('div', {}, `${key}: ${value}`))),
        h('td', {},
          h('button', {type: 'button', class: 'link', onclick: () => editor.edit(xuid, scid, name, stat)},
            `Edit ${name}`), ' ',
          h('button', {type: 'button', class: 'link', onclick: () => remove(xuid, scid, name)}, `Remove ${name}`)))))));
    fill(user, h('h3', {}, `${xuid}${u.gamertag ? ` (${u.gamertag})` : ''}`),
      sections.length ? sections : h('p', {class: 'muted'}, 'No stats.'),
      h('button', {type: 'button', class: 'danger', onclick: () => forget(xuid)}, 'Delete this user'));
  }

  async function remove(xuid, scid, name) {
    const done = await app.run(() => request('PUT', statsUrl(xuid, scid), {json: {stats: {[name]: null}}}),
      `Removed ${name}.`);
    if (done) { loadUsers(); showUser(xuid); }
  }

  async function forget(xuid) {
    if (!confirm(`Delete every stat and the gamertag of ${xuid}?`)) return;
    const done = await app.run(() => request('DELETE', `/_emulator/stats/users/${encodeURIComponent(xuid)}`),
      `Deleted ${xuid}.`);
    if (done) { state.xuid = null; user.replaceChildren(); loadUsers(); }
  }

  async function loadCatalog() {
    const c = await app.run(() => get('/_emulator/stats/catalog'));
    if (!c) return;
    fill(catalog, h('h3', {}, 'Titles and groups (from the seed)'),
      c.titles.length ? table(['Title id', 'Scid'], c.titles.map(t => h('tr', {}, h('td', {}, t.titleId), h('td', {}, t.scid))))
        : h('p', {class: 'muted'}, 'No titles.'),
      c.groups.length ? table(['Group', 'Scid', 'Stats'], c.groups.map(g => h('tr', {},
        h('td', {}, g.name), h('td', {}, g.scid), h('td', {}, g.stats.map(s => s.name).join(', ')))))
        : h('p', {class: 'muted'}, 'No groups.'));
  }

  loadUsers();
  loadCatalog();
}

function statsUrl(xuid, scid) {
  return `/_emulator/stats/users/${encodeURIComponent(xuid)}/scids/${encodeURIComponent(scid)}`;
}

/**
 * The stat's properties as rows of name and value: "Add property" appends a row, each row has its own remove
 * button, rows left blank are ignored. read() throws on a value without a name or a name given twice.
 */
function propertiesEditor() {
  const rows = h('div', {class: 'property-rows'});
  const fieldset = h('fieldset', {id: 'stat-properties'}, h('legend', {}, 'Properties'), rows,
    h('button', {type: 'button', class: 'secondary', onclick: () => add('', '').querySelector('input').focus()},
      'Add property'));

  function add(name, value) {
    const row = h('div', {class: 'property'},
      field('Property name', h('input', {name: 'property-name', value: name})),
      field('Property value', h('input', {name: 'property-value', value})));
    row.append(h('button', {type: 'button', class: 'link', onclick: () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next ? next.querySelector('input') : fieldset.querySelector('button')).focus();
    }}, 'Remove property'));
    rows.append(row);
    return row;
  }

  return {
    element: fieldset,
    set(properties) {
      rows.replaceChildren();
      for (const [name, value] of Object.entries(properties)) add(name, value);
    },
    read() {
      const properties = {};
      for (const row of rows.children) {
        const name = row.querySelector('[name=property-name]').value.trim();
        const value = row.querySelector('[name=property-value]').value;
        if (!name && !value) continue;
        if (!name) throw new Error(`Property value '${value}' needs a name.`);
        if (Object.hasOwn(properties, name)) throw new Error(`Property '${name}' is given twice.`);
        properties[name] = value;
      }
      return properties;
    },
  };
}

function statForm(app, saved) {
  const properties = propertiesEditor();
  const form = h('form', {id: 'stat-form'},
    field('Xuid', h('input', {name: 'xuid', required: true, inputmode: 'numeric'})),
    field('Gamertag', h('input', {name: 'gamertag'})),
    field('Scid', h('input', {name: 'scid', required: true})),
    field('Stat name', h('input', {name: 'name', required: true})),
    field('Type', h('select', {name: 'type'}, ['Integer', 'Double', 'String'].map(t => h('option', {value: t}, t)))),
    field('Value', h('input', {name: 'value', required: true})),
    field('Value metadata (JSON text)', h('input', {name: 'valuemetadata'})),
    properties.element,
    h('button', {type: 'submit'}, 'Save stat'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    await app.run(async () => {
      const stat = {type: v.type, value: v.value, properties: properties.read()};
      if (v.valuemetadata) stat.valuemetadata = v.valuemetadata;
      const body = {stats: {[v.name]: stat}};
      if (v.gamertag) body.gamertag = v.gamertag;
      return request('PUT', statsUrl(v.xuid, v.scid), {json: body});
    }, `Saved ${v.name} of ${v.xuid}.`) && saved();
  });
  return {
    element: h('section', {class: 'panel', 'aria-label': 'Edit a stat'}, h('h3', {}, 'Add or edit a stat'), form),
    /** Fills the form with a stored stat, ready to edit its value. */
    edit(xuid, scid, name, stat) {
      for (const [control, value] of [['xuid', xuid], ['scid', scid], ['name', name], ['type', stat.type],
        ['value', stat.value], ['valuemetadata', stat.valuemetadata || '']]) {
        form.querySelector(`[name=${control}]`).value = value;
      }
      properties.set(stat.properties || {});
      form.querySelector('[name=value]').focus();
    },
  };
}
