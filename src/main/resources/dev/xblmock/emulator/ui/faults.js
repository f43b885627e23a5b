// Fault rules: the list with hits left, a form to add one, remove one or all.
import {get, request} from './api.js';
import {h, field, table, formValues, fill} from './dom.js';

export function render(container, app) {
  const list = h('section', {class: 'panel', 'aria-label': 'Fault rules', id: 'fault-list'});
  const form = h('form', {id: 'fault-form'},
    field('Method', h('select', {name: 'method'}, ['', 'GET', 'PUT', 'POST', 'DELETE'].map(m => h('option', {value: m}, m || 'any')))),
    field('Path (regex, searched)', h('input', {name: 'path', placeholder: '/data/.*,binary'})),
    field('Status', h('input', {name: 'status', type: 'number', min: 400, max: 599, placeholder: '503'})),
    field('Retry-After (s)', h('input', {name: 'retryAfterSeconds', type: 'number', min: 0})),
    field('Delay (ms)', h('input', {name: 'delayMs', type: 'number', min: 0})),
    field('Times', h('input', {name: 'times', type: 'number', min: 1})),
    field('Probability', h('input', {name: 'probability', type: 'number', min: 0, max: 1, step: 'any'})),
    h('button', {type: 'submit'}, 'Add rule'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const rule = formValues(form);
    for (const name of ['status', 'retryAfterSeconds', 'delayMs', 'times', 'probability']) {
      if (rule[name] !== undefined) rule[name] = Number(rule[name]);
    }
    const added = await app.run(() => request('POST', '/_emulator/faults', {json: rule}));
    if (added) { app.say(`Added rule ${(await added.json()).id}.`); load(); }
  });
  container.append(h('h2', {}, 'Faults'), list,
    h('section', {class: 'panel', 'aria-label': 'Add a fault rule'}, h('h3', {}, 'Add a rule'),
      h('p', {class: 'muted'}, 'Applies to Xbox routes; the oldest matching rule decides. Leave status empty for a delay only.'),
      form));

  async function load() {
    const {faults} = await app.run(() => get('/_emulator/faults')) || {faults: []};
    const rows = faults.map(rule => h('tr', {},
      h('td', {}, rule.id), h('td', {}, rule.method || 'any'), h('td', {}, rule.path || 'any'),
      h('td', {}, rule.status ?? '—'), h('td', {}, rule.delayMs ?? '—'),
      h('td', {}, rule.remaining ?? 'unlimited'), h('td', {}, rule.probability ?? 1),
      h('td', {}, h('button', {type: 'button', class: 'link', onclick: () => remove(`/_emulator/faults/${rule.id}`,
        `Removed rule ${rule.id}.`)}, `Remove rule ${rule.id}`))));
    fill(list, h('h3', {}, 'Rules'),
      faults.length ? table(['Id', 'Method', 'Path', 'Status', 'Delay ms', 'Hits left', 'Probability', ''], rows)
        : h('p', {class: 'muted'}, 'No fault rules.'),
      faults.length ? h('button', {type: 'button', class: 'danger',
        onclick: () => remove('/_emulator/faults', 'Removed every rule.')}, 'Remove all') : '');
  }

  async function remove(path, message) {
    if (await app.run(() => request('DELETE', path), message)) load();
  }

  load();
  const timer = setInterval(load, 3000); // hits left change as requests arrive
  return () => clearInterval(timer);
}
