// A professional's own melding to Veilig Thuis (meldrecht, VT-03): the youth, optionally a
// parent, the ground and the worry. Afterwards he sees only its status and steps (VT-04).
import { h, select, veld } from './dom.js';
import { post } from './api.js';
import { bsnVeld, melding, formulier, knop } from './ui.js';

const GROND = [['redelijk-vermoeden', 'Ik heb een redelijk vermoeden van huiselijk geweld of kindermishandeling'],
  ['beeindigen-geweld', 'Melden is nodig om geweld te beëindigen']];

export async function pagina(main) {
  const msg = melding();
  const kind = bsnVeld('BSN van het kind', 'kindBsn');
  const ouder = bsnVeld('BSN van een ouder (niet verplicht)', 'ouderBsn', false);
  const grond = select('grond', GROND);
  const omschrijving = h('textarea', { name: 'omschrijving', rows: '4', required: true, maxlength: '4000' });
  const form = formulier({ 'aria-labelledby': 'kop-melden' }, [
    kind.el, ouder.el, veld('Grond (VT-03)', grond), veld('Wat ziet of hoort u?', omschrijving),
    knop('Melding doen'),
  ], msg, async () => {
    if (!kind.ok()) { kind.input.focus(); msg.fout('Het BSN van het kind klopt niet.'); return; }
    if (!ouder.ok()) { ouder.input.focus(); msg.fout('Het BSN van de ouder klopt niet.'); return; }
    if (!omschrijving.value.trim()) { omschrijving.focus(); msg.fout('Beschrijf uw zorg.'); return; }
    const betrokkenen = [{ bsn: kind.input.value.trim(), rol: 'kind' }];
    if (ouder.input.value.trim()) betrokkenen.push({ bsn: ouder.input.value.trim(), rol: 'ouder' });
    const z = await post('/api/v1/veilig-thuis/zaken', {
      soort: 'melding', betrokkenen, grond: grond.value, omschrijving: omschrijving.value.trim(),
    });
    location.hash = `#/veilig-thuis/zaak/${z.id}`;
  });
  main.append(h('h1', {}, 'Melden bij Veilig Thuis'),
    h('p', {}, 'U meldt als beroepskracht zelf (meldrecht). Veilig Thuis neemt contact met u op. ',
      'Daarna ziet u van uw melding alleen de status en de stappen; wat Veilig Thuis verder vastlegt, blijft daar.'),
    h('section', { 'aria-labelledby': 'kop-melden' }, h('h2', { id: 'kop-melden' }, 'Nieuwe melding'), msg.el, form));
}
