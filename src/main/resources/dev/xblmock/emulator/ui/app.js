// The dashboard: one view at a time, chosen by the URL fragment (#storage), so views are bookmarkable and
// the browser's back button works. Each view module exports render(container, app) and may return a
// function that stops what it started (timers, the live stream).
import * as overview from './overview.js';
import * as storage from './storage.js';
import * as stats from './stats.js';
import * as requests from './requests.js';
import * as faults from './faults.js';
import * as admin from './admin.js';

const views = {overview, storage, stats, requests, faults, admin};
const main = document.getElementById('view');
const status = document.getElementById('status');
let stop = null;

const app = {
  /** Shows a message in the status line (announced by screen readers). */
  say(message, isError = false) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  },
  /** Runs an action, reporting its error (the problem's code and detail) in the status line. */
  async run(action, success) {
    try {
      const result = await action();
      if (success) app.say(success);
      return result;
    } catch (error) {
      app.say(error.message, true);
      return undefined;
    }
  },
};

function show() {
  const name = location.hash.slice(1) in views ? location.hash.slice(1) : 'overview';
  if (stop) stop();
  stop = null;
  app.say('');
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === '#' + name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  main.dataset.view = name;
  stop = views[name].render(main, app) || null;
  document.title = `xblmock: ${document.querySelector(`nav a[href="#${name}"]`).textContent}`;
}

window.addEventListener('hashchange', () => { show(); main.focus(); });
show();
