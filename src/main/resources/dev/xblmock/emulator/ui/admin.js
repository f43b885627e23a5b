// Seed, reset and tokens.
import {request} from './api.js';
import {h, field, formValues, fill} from './dom.js';

export function render(container, app) {
  const seed = h('form', {id: 'seed-form'},
    field('Seed manifest (JSON or YAML)', h('input', {name: 'file', type: 'file', required: true, accept: '.json,.yaml,.yml'})),
    h('button', {type: 'submit'}, 'Load seed'));
  seed.addEventListener('submit', async event => {
    event.preventDefault();
    const {file} = formValues(seed);
    const type = file.name.endsWith('.json') ? 'application/json' : 'application/yaml';
    const response = await app.run(() => request('POST', '/_emulator/seed', {body: file, headers: {'Content-Type': type}}));
    if (response) {
      const c = await response.json();
      app.say(`Seed loaded: ${c.users} users, ${c.titles} titles, ${c.groups} groups, ${c.blobs} blobs, ${c.stats} stats.`);
    }
  });

  const reset = h('form', {id: 'reset-form'},
    h('label', {class: 'inline'}, h('input', {name: 'reseed', type: 'checkbox'}), 'Reload the startup seed afterwards'),
    h('button', {type: 'submit', class: 'danger'}, 'Reset the emulator'));
  reset.addEventListener('submit', async event => {
    event.preventDefault();
    if (!confirm('Drop every blob, pending upload, stat, journal entry and fault rule?')) return;
    const {reseed} = formValues(reset);
    await app.run(() => request('POST', `/_emulator/reset${reseed ? '?reseed=true' : ''}`), 'The emulator was reset.');
  });

  const output = h('div', {id: 'token-output'});
  const token = h('form', {id: 'token-form'},
    field('Xuid', h('input', {name: 'xuid', required: true, inputmode: 'numeric', value: '2533274792693551'})),
    field('Gamertag', h('input', {name: 'gamertag'})),
    field('Title id', h('input', {name: 'titleId', inputmode: 'numeric'})),
    h('label', {class: 'inline'}, h('input', {name: 'developer', type: 'checkbox'}), 'Developer (may write global storage)'),
    h('button', {type: 'submit'}, 'Mint token'));
  token.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(token);
    const body = {xuid: v.xuid, developer: v.developer};
    if (v.gamertag) body.gamertag = v.gamertag;
    if (v.titleId) body.titleId = v.titleId;
    const response = await app.run(() => request('POST', '/_emulator/tokens', {json: body}));
    if (!response) return;
    const {authorization} = await response.json();
    const header = h('textarea', {readonly: true, rows: 4, cols: 60, id: 'authorization', 'aria-label': 'Authorization header'},
      `Authorization: ${authorization}`);
    fill(output, header, h('button', {type: 'button', class: 'secondary', onclick: async () => {
      header.select();
      try { await navigator.clipboard.writeText(header.value); app.say('Copied.'); }
      catch { document.execCommand('copy'); app.say('Copied.'); }
    }}, 'Copy'));
  });

  container.append(h('h2', {}, 'Seed, reset & tokens'),
    h('section', {class: 'panel', 'aria-label': 'Seed'}, h('h3', {}, 'Load a seed manifest'), seed),
    h('section', {class: 'panel', 'aria-label': 'Reset'}, h('h3', {}, 'Reset'), reset),
    h('section', {class: 'panel', 'aria-label': 'Tokens'}, h('h3', {}, 'Mint a token'), token, output));
}
