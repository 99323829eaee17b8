// The municipality: its assignments (toewijzingen), the bills of its providers (read for a
// stated purpose, JW-01) and the regievoerder's signals with the afstemming between the
// melders (VIR-09).
import { h, append, datum, tabel, vinkje, select, veld, vandaag } from './dom.js';
import { get, post } from './api.js';
import { melding, formulier, knop, leeg, paginering } from './ui.js';

const euro = (cent) => (cent / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' });

export async function toewijzingen(main) {
  const lijst = h('div');
  main.append(h('h1', {}, 'Toewijzingen'),
    h('p', {}, 'Jeugdhulp die de gemeente heeft toegewezen aan een aanbieder (JW-04). Een aanbieder ziet hier wat aan hem is toegewezen.'),
    lijst);
  const vullen = async (p) => {
    const t = await get(`/api/v1/toewijzingen?doel=toegang&pagina=${p}&paginaGrootte=20`);
    lijst.replaceChildren(t.resultaten.length === 0 ? leeg('Er zijn geen toewijzingen.')
      : tabel('Toewijzingen, nieuwste eerst',
        ['Nummer', 'Categorie', 'Product', 'Omvang', 'Geldig', 'Status'],
        t.resultaten.map((x) => [String(x.toewijzingnummer), x.productcategorie, x.productcode,
          `${x.volume} (eenheid ${x.eenheid})`, `${datum(x.geldigVanaf)} t/m ${datum(x.geldigTot)}`,
          x.status + (x.startdatum ? ` sinds ${datum(x.startdatum)}` : '')])),
    paginering(t, vullen));
  };
  await vullen(1);
}

export async function declaraties(main, _m, sessie) {
  const msg = melding();
  const lijst = h('div');
  const gemeente = sessie.organisatie.soort === 'gemeente';
  const doel = select('doel', [['bekostiging', 'Bekostiging (betalen)'], ['controle', 'Controle (rechtmatigheid)']]);
  const toon = async (p) => {
    const q = gemeente ? `doel=${doel.value}&` : '';
    const d = await get(`/api/v1/declaraties?${q}pagina=${p}&paginaGrootte=20`);
    lijst.replaceChildren(d.resultaten.length === 0 ? leeg('Er zijn geen declaraties.')
      : tabel('Declaraties, nieuwste eerst',
        ['Toewijzing', 'BSN', 'Periode', 'Product', 'Geleverd', 'Bedrag'],
        d.resultaten.map((x) => [String(x.toewijzingnummer), x.bsn,
          `${datum(x.productperiode.begin)} t/m ${datum(x.productperiode.eind)}`,
          `${x.productcategorie} / ${x.productcode}`, `${x.geleverdVolume} (eenheid ${x.eenheid})`,
          euro(x.ingediendBedrag)])),
    paginering(d, toon));
  };
  // append() of dom.js: a provider has no purpose form (null), which the native
  // Element.append would print as the text "null".
  append(main, [h('h1', {}, 'Declaraties'),
    h('p', {}, 'Alleen de gegevens die de wet voor een declaratie toestaat (JW-06). ',
      gemeente ? 'U leest ze voor een doel, dat in het logboek komt (JW-01).' : ''),
    msg.el,
    gemeente ? formulier({ 'aria-label': 'Doel kiezen' }, [veld('Doel van het inzien', doel), knop('Tonen')],
      msg, () => toon(1)) : null,
    lijst]);
  await toon(1);
}

const SOORT = { jeugdige: 'Zelfde jeugdige', gezin: 'Gezin', adres: 'Adres', historisch: 'Historisch', verhuizing: 'Verhuizing' };

export async function regie(main) {
  const lijst = h('div');
  main.append(h('h1', {}, 'Signalen en afstemming'),
    h('p', {}, 'Bij meer dan één melder zorgt de regievoerder dat zij contact met elkaar hebben (VIR-09). ',
      'Leg vast of dat contact er is.'),
    lijst);
  await vullen(lijst, 1);
}

async function vullen(el, pagina, bericht) {
  const s = await get(`/api/v1/verwijsindex/signalen?pagina=${pagina}&paginaGrootte=20`);
  el.replaceChildren(
    s.resultaten.length === 0 ? leeg('Er zijn geen signalen.')
      : h('ul', { class: 'kaarten' }, s.resultaten.map((x, i) => kaart(x, i, el, pagina, bericht))),
    paginering(s, (p) => vullen(el, p)));
}

function kaart(x, i, el, pagina, bericht) {
  const msg = melding();
  if (bericht && bericht.id === x.id) msg.goed(bericht.tekst);
  const contact = h('input', { type: 'checkbox', name: 'contactGelegd' });
  const dag = h('input', { type: 'date', name: 'datum', required: true, value: vandaag() });
  const kop = `kop-signaal-${i}`;
  return h('li', { class: 'kaart signaal' },
    h('h2', { id: kop }, `${SOORT[x.soort] || x.soort} — ${datum(x.ontstaanOp)}`),
    h('p', {}, 'Melders:'),
    h('ul', {}, x.betrokkenen.map((b) => h('li', {}, `${b.naam} (${b.organisatie}), tel. ${b.telefoon}`))),
    h('h3', {}, 'Afstemmingen'),
    (x.afstemmingen || []).length === 0 ? leeg('Nog geen afstemming vastgelegd.')
      : h('ul', {}, x.afstemmingen.map((a) => h('li', {},
        `${datum(a.datum)}: ${a.contactGelegd ? 'contact gelegd' : 'geen contact'} (vastgelegd ${datum(a.vastgelegdOp)})`))),
    msg.el,
    formulier({ 'aria-labelledby': kop, class: 'inline' }, [
      vinkje('De melders hebben contact gehad', contact), veld('Datum', dag), knop('Afstemming vastleggen'),
    ], msg, async () => {
      await post(`/api/v1/verwijsindex/signalen/${x.id}/afstemmingen`, { contactGelegd: contact.checked, datum: dag.value });
      await vullen(el, pagina, { id: x.id, tekst: 'De afstemming is vastgelegd.' });
    }));
}
