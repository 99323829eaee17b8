// The shell: sign-in, the menu for the signed-in role, and a router over the hash
// (#/verwijsindex, #/veilig-thuis/zaak/ID, …) so that one page serves every view and the
// server needs no routes of its own for them.
import { h, clear } from './dom.js';
import { api, token, ApiError, uitleg } from './api.js';
import { aanmelden } from './aanmelden.js';
import * as vir from './verwijsindex.js';
import * as vt from './veilig-thuis.js';
import * as vtMelden from './vt-melden.js';
import * as gemeente from './gemeente.js';
import * as statistiek from './statistiek.js';
import * as burger from './burger.js';

const MELDERS = ['huisarts', 'jeugdarts', 'medisch-specialist', 'jeugdhulpverlener',
  'toegangsmedewerker', 'leerkracht', 'vt-medewerker', 'rvdk-medewerker', 'vertrouwenspersoon'];

// Who may report to Veilig Thuis himself (meldrecht, VT-03); Veilig Thuis registers its own.
const VT_MELDERS = ['huisarts', 'jeugdarts', 'medisch-specialist', 'jeugdhulpverlener',
  'toegangsmedewerker', 'regievoerder', 'gemeentemedewerker', 'rvdk-medewerker', 'leerkracht',
  'vertrouwenspersoon'];

// Menu items per kind of user: [hash, label].
function menu(s) {
  if (s.soort === 'burger') {
    return [['#/mijn', 'Mijn gegevens'], ['#/mijn/logboek', 'Wie verwerkte mijn gegevens'],
      ['#/mijn/verzoeken', 'Verzoeken'], ['#/mijn/klachten', 'Klachten']];
  }
  const items = [];
  if (s.rol === 'vt-medewerker') items.push(['#/veilig-thuis', 'Veilig Thuis']);
  if (MELDERS.includes(s.rol) && s.meldingsbevoegd) items.push(['#/verwijsindex', 'Verwijsindex']);
  if (s.rol === 'regievoerder') items.push(['#/regie', 'Signalen en afstemming']);
  if (s.rol === 'gemeentemedewerker' || s.rol === 'jeugdhulpverlener') {
    items.push(['#/toewijzingen', 'Toewijzingen'], ['#/declaraties', 'Declaraties']);
  }
  if (s.rol === 'gemeentemedewerker' || s.rol === 'beheerder') items.push(['#/statistiek', 'Statistiek']);
  if (VT_MELDERS.includes(s.rol)) items.push(['#/veilig-thuis/melden', 'Melden bij Veilig Thuis']);
  return items;
}

// [pattern, page(main, match, sessie)]
const ROUTES = [
  [/^#\/verwijsindex$/, vir.pagina],
  [/^#\/veilig-thuis$/, vt.lijst],
  [/^#\/veilig-thuis\/melden$/, vtMelden.pagina],
  [/^#\/veilig-thuis\/zaak\/([0-9a-f-]{36})$/, vt.zaak],
  [/^#\/regie$/, gemeente.regie],
  [/^#\/toewijzingen$/, gemeente.toewijzingen],
  [/^#\/declaraties$/, gemeente.declaraties],
  [/^#\/statistiek$/, statistiek.pagina],
  [/^#\/mijn$/, burger.gegevens],
  [/^#\/mijn\/inzage\/([0-9a-f-]{36})$/, burger.inzage],
  [/^#\/mijn\/logboek$/, burger.logboek],
  [/^#\/mijn\/verzoeken$/, burger.verzoeken],
  [/^#\/mijn\/klachten$/, burger.klachten],
];

let sessie = null;
let generation = 0;  // a newer render makes an older one's result moot

// To the start page of the signed-in role (or the sign-in page).
function naarStart() {
  sessie = null;
  if (location.hash === '#/') render();
  else location.hash = '#/';
}

function afmelden() {
  token.clear();
  naarStart();
}

function kop(s) {
  const wie = clear(document.getElementById('wie'));
  const nav = clear(document.getElementById('nav'));
  if (!s) return;
  const naam = s.soort === 'burger'
    ? 'Aangemeld als burger'
    : `${s.naam} — ${s.rol}, ${s.organisatie.naam}`;
  wie.append(h('span', {}, naam), ' ',
    h('button', { type: 'button', class: 'knop licht', onclick: afmelden }, 'Afmelden'));
  const here = location.hash;
  nav.append(h('ul', {}, menu(s).map(([href, label]) => h('li', {},
    h('a', { href, 'aria-current': here === href ? 'page' : undefined }, label)))));
}

// Each view is built off-screen and swapped in whole, so a slow response never mixes two
// views in one page.
async function render() {
  const gen = ++generation;
  const view = h('div', { class: 'view' });
  let s = null;
  if (token.get()) {
    try {
      s = sessie || await api('GET', '/api/v1/sessie');
    } catch (err) {
      token.clear();
      if (gen !== generation) return;
      aanmelden(view, naarStart, err instanceof ApiError && err.status === 401
        ? 'Dit token is onbekend, ingetrokken of verlopen. Meld u opnieuw aan.' : err.message);
      return show(gen, view, null);
    }
    if (gen !== generation) return;
    sessie = s;
  }
  if (!s) {
    aanmelden(view, naarStart);
    return show(gen, view, null);
  }
  const items = menu(s);
  if ((location.hash === '' || location.hash === '#/' || location.hash === '#') && items.length) {
    history.replaceState(null, '', items[0][0]);
  }
  const route = ROUTES.find(([re]) => re.test(location.hash));
  if (!route) {
    view.append(h('h1', {}, 'Welkom'),
      h('p', {}, items.length ? 'Kies hierboven wat u wilt doen.'
        : 'Voor uw rol zijn er (nog) geen pagina’s; gebruik de API.'));
    return show(gen, view, s);
  }
  try {
    await route[1](view, route[0].exec(location.hash), s);
  } catch (err) {
    view.replaceChildren(h('h1', {}, 'Dit lukte niet'),
      h('div', { role: 'alert', class: 'melding fout' }, uitleg(err).map((l) => h('p', {}, l))));
  }
  return show(gen, view, s);
}

// The heading names the page in the title, and focus moves to the content so a screen
// reader starts there after each navigation.
let first = true;
function show(gen, view, s) {
  if (gen !== generation) return;
  kop(s);
  const main = document.getElementById('main');
  main.replaceChildren(view);
  const h1 = view.querySelector('h1');
  document.title = h1 ? `${h1.textContent} — Jeugdhulp` : 'Jeugdhulp';
  if (!first) main.focus();
  first = false;
  document.body.dataset.klaar = location.hash || '#/';
}

window.addEventListener('hashchange', render);
render();
