// Statistics of the Verwijsindex per month (VIR-16: numbers under five are suppressed and
// come as null). Drawn as an SVG bar chart, with the same numbers in a table for screen
// readers and for copying.
import { h, tabel, veld } from './dom.js';
import { get } from './api.js';
import { melding, formulier, knop } from './ui.js';

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const REEKSEN = [['registraties', 'Registraties'], ['signalen', 'Signalen'], ['meldingen', 'Meldingen VT'], ['toegangsbesluiten', 'Toegangsbesluiten']];

export async function pagina(main, _m, sessie) {
  const msg = melding();
  const uit = h('div');
  const jaar = h('input', { type: 'number', name: 'jaar', min: '2000', max: '2100', required: true, value: String(new Date().getFullYear()) });
  const gemeente = h('input', { type: 'text', name: 'gemeentecode', required: true, pattern: 'GM[0-9]{4}', value: sessie.organisatie?.gemeentecode || '' });
  const toon = async () => {
    const s = await get(`/api/v1/statistieken/verwijsindex?gemeentecode=${encodeURIComponent(gemeente.value.trim())}&jaar=${encodeURIComponent(jaar.value)}`);
    uit.replaceChildren(grafiek(s), tabel(`Aantallen per maand in ${s.jaar} (— = minder dan ${s.onderdrukkingsgrens}, onderdrukt)`,
      ['Maand', ...REEKSEN.map(([, l]) => l)],
      s.maanden.map((m) => [MAANDEN[m.maand - 1], ...REEKSEN.map(([k]) => (m[k] === null ? '—' : String(m[k])))])));
  };
  main.append(h('h1', {}, 'Statistiek Verwijsindex'),
    h('p', {}, 'Aantallen per maand. Kleine aantallen (onder de vijf) worden niet getoond, zodat niemand herkenbaar is (VIR-16).'),
    msg.el,
    formulier({ 'aria-label': 'Periode kiezen', class: 'inline' }, [veld('Gemeente', gemeente), veld('Jaar', jaar), knop('Tonen')], msg, toon),
    uit);
  await toon();
}

function grafiek(s) {
  const W = 720; const H = 260; const L = 40; const B = 30; const T = 10;
  const waarden = s.maanden.flatMap((m) => REEKSEN.map(([k]) => m[k] || 0));
  const max = Math.max(s.onderdrukkingsgrens, ...waarden);
  const stap = (W - L) / 12;
  const bw = (stap - 8) / REEKSEN.length;
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const titel = `Verwijsindex ${s.gemeentecode} ${s.jaar}: aantallen per maand`;
  const el = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'grafiek-titel grafiek-uitleg', class: 'grafiek' },
    h('svg:title', { id: 'grafiek-titel' }, titel),
    h('svg:desc', { id: 'grafiek-uitleg' }, 'Staafdiagram; dezelfde aantallen staan in de tabel eronder. Onderdrukte aantallen zijn een streepje.'),
    [0, 0.5, 1].map((f) => {
      const v = Math.round(max * f);
      return [h('svg:line', { x1: L, x2: W, y1: y(v), y2: y(v), class: 'as' }),
        h('svg:text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'label' }, String(v))];
    }),
    s.maanden.map((m, i) => {
      const x0 = L + i * stap + 4;
      return [h('svg:text', { x: x0 + (stap - 8) / 2, y: H - 10, 'text-anchor': 'middle', class: 'label' }, MAANDEN[i]),
        REEKSEN.map(([k], j) => (m[k] === null
          ? h('svg:line', { x1: x0 + j * bw + 1, x2: x0 + (j + 1) * bw - 1, y1: y(0) - 2, y2: y(0) - 2, class: `onderdrukt r${j}` })
          : h('svg:rect', { x: x0 + j * bw, y: y(m[k]), width: Math.max(1, bw - 2), height: y(0) - y(m[k]), class: `r${j}` })))];
    }));
  const legenda = h('ul', { class: 'legenda' }, REEKSEN.map(([, l], j) => h('li', {}, h('span', { class: `blok r${j}`, 'aria-hidden': 'true' }), l)));
  return h('figure', {}, el, h('figcaption', {}, legenda));
}
