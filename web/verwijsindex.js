// The professional's Verwijsindex: register a concern (BSN and the statement, nothing else:
// VIR-03, VIR-04), see the signals on his registrations — whom to call — and remove a
// registration with its reason (VIR-10).
import { h, datum, tabel, vinkje, select, veld } from './dom.js';
import { get, post, api } from './api.js';
import { bsnVeld, melding, formulier, knop, leeg } from './ui.js';

const SOORT = {
  jeugdige: 'Dezelfde jeugdige',
  gezin: 'Iemand uit hetzelfde gezin',
  adres: 'Iemand op hetzelfde adres',
  historisch: 'Een eerdere melding',
  verhuizing: 'De jeugdige is verhuisd',
};

function contact(b) {
  return h('li', { class: 'contact' },
    h('strong', {}, b.naam), ` — ${b.organisatie}`, h('br'),
    'Tel. ', h('a', { href: `tel:${b.telefoon.replace(/\s/g, '')}` }, b.telefoon), ' · ',
    h('a', { href: `mailto:${b.email}` }, b.email),
    b.coordinator ? h('span', { class: 'hint' },
      ` (coördinator: ${b.coordinator.naam}, ${b.coordinator.telefoon})`) : null);
}

export async function pagina(main) {
  const msg = melding();
  const bsn = bsnVeld('BSN van de jeugdige');
  const vermoeden = h('input', { type: 'checkbox', name: 'redelijkVermoeden', required: true });
  const lijsten = h('div');
  const form = formulier({ 'aria-labelledby': 'kop-nieuw' }, [
    bsn.el,
    vinkje('Ik heb een redelijk vermoeden dat deze jeugdige een risico loopt (welk risico, vult u niet in).', vermoeden),
    knop('Melding vastleggen'),
  ], msg, async () => {
    if (!bsn.ok()) { bsn.input.focus(); msg.fout('Het BSN klopt niet: controleer de cijfers.'); return; }
    if (!vermoeden.checked) { vermoeden.focus(); msg.fout('Zonder redelijk vermoeden kunt u niet melden (VIR-03).'); return; }
    await post('/api/v1/verwijsindex/meldingen', { bsn: bsn.input.value.trim(), redelijkVermoeden: true });
    msg.goed('Uw melding is vastgelegd. Meldt een ander dezelfde jeugdige, dan ziet u hieronder een signaal.');
    form.reset();
    bsn.ok();
    await vullen(lijsten);
  });
  main.append(
    h('h1', {}, 'Verwijsindex'),
    h('p', {}, 'Maakt u zich zorgen over een jeugdige? Meld alleen dát u betrokken bent: de ',
      'verwijsindex legt het BSN, uw contactgegevens en de datum vast — nooit wat er aan de hand is.'),
    h('section', { 'aria-labelledby': 'kop-nieuw' }, h('h2', { id: 'kop-nieuw' }, 'Nieuwe melding'), msg.el, form),
    lijsten);
  await vullen(lijsten);
}

async function vullen(el, bericht) {
  const [meldingen, signalen] = await Promise.all([
    get('/api/v1/verwijsindex/meldingen?paginaGrootte=100'),
    get('/api/v1/verwijsindex/signalen?paginaGrootte=100'),
  ]);
  const bsnVan = new Map(meldingen.resultaten.map((m) => [m.id, m.bsn]));
  const msg = melding();
  el.replaceChildren(
    h('section', { 'aria-labelledby': 'kop-signalen' },
      h('h2', { id: 'kop-signalen' }, 'Signalen: wie moet u bellen?'),
      signalen.resultaten.length === 0
        ? leeg('Er zijn geen signalen op uw meldingen.')
        : h('ul', { class: 'kaarten' }, signalen.resultaten.map((s) => h('li', { class: 'kaart signaal' },
          h('h3', {}, `${SOORT[s.soort] || s.soort}${bsnVan.get(s.meldingId) ? ` — BSN ${bsnVan.get(s.meldingId)}` : ''}`),
          h('p', {}, `Ontstaan op ${datum(s.ontstaanOp)}.`,
            s.verschillendeJeugdigen ? ' Het gaat om verschillende jeugdigen.' : ''),
          h('p', {}, 'Ook betrokken:'),
          h('ul', {}, s.betrokkenen.map(contact)))))),
    h('section', { 'aria-labelledby': 'kop-mijn' },
      h('h2', { id: 'kop-mijn' }, 'Mijn meldingen'),
      msg.el,
      meldingen.resultaten.length === 0 ? leeg('U hebt geen meldingen.')
        : tabel('Uw meldingen, nieuwste eerst',
          ['BSN', 'Gemeld op', 'Status', 'Uiterlijk verwijderd', 'Verwijderen'],
          meldingen.resultaten.map((m) => [
            m.bsn || '—', datum(m.gemeldOp),
            m.status + (m.reden ? ` (${m.reden})` : ''),
            m.verwijderdOp ? `verwijderd ${datum(m.verwijderdOp)}` : datum(m.verwijderenUiterlijk),
            m.status === 'actief' ? verwijderen(m, msg, el) : '—',
          ]))));
  if (bericht) msg.goed(bericht);
}

// VIR-10: "onterecht" removes at once; "risico-weg" keeps it in the archive for five years.
function verwijderen(m, msg, el) {
  const reden = select('reden', [['onterecht', 'Onterecht gemeld'], ['risico-weg', 'Het risico is weg']]);
  return formulier({ class: 'inline', 'aria-label': `Melding ${m.bsn || ''} verwijderen` }, [
    veld('Reden', reden), knop('Verwijderen', { class: 'knop gevaar' }),
  ], msg, async () => {
    await api('DELETE', `/api/v1/verwijsindex/meldingen/${m.id}?reden=${encodeURIComponent(reden.value)}`);
    await vullen(el, `De melding is verwijderd (${reden.value}).`);
  });
}
