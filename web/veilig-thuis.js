// Veilig Thuis: the case list with the terms that are due (VT-05, VT-06), a new melding,
// and the case page with its steps: investigation, informing, handover (VT-07), the
// reporter-identity decision (VT-04) and closing.
import { h, append, datum, tabel, vinkje, select, veld, vandaag } from './dom.js';
import { get, post } from './api.js';
import { bsnVeld, melding, formulier, knop, leeg, paginering } from './ui.js';

const STAP = {
  ontvangen: 'Ontvangen', omgezet: 'Omgezet in melding', onderzoek: 'Onderzoek gestart',
  'overdracht-lokaal-team': 'Overgedragen aan het lokale team', 'overdracht-raad': 'Overgedragen aan de Raad',
  afgesloten: 'Afgesloten',
};
const GROND = { 'redelijk-vermoeden': 'Redelijk vermoeden', 'beeindigen-geweld': 'Geweld beëindigen' };

export async function lijst(main) {
  const zaken = h('div');
  const msg = melding();
  main.append(h('h1', {}, 'Veilig Thuis'), zaken,
    h('section', { 'aria-labelledby': 'kop-nieuw' },
      h('h2', { id: 'kop-nieuw' }, 'Nieuwe melding vastleggen'), msg.el, nieuweMelding(msg)));
  await vullen(zaken, 1);
}

async function vullen(el, pagina) {
  const [z, t] = await Promise.all([
    get(`/api/v1/veilig-thuis/zaken?pagina=${pagina}&paginaGrootte=20`),
    get('/api/v1/veilig-thuis/termijnen?paginaGrootte=100'),
  ]);
  el.replaceChildren(
    h('section', { 'aria-labelledby': 'kop-termijnen' },
      h('h2', { id: 'kop-termijnen' }, 'Termijnen'),
      t.resultaten.length === 0 ? leeg('Er lopen geen termijnen.')
        : tabel('Openstaande termijnen, de eerste eerst', ['Zaak', 'Wat', 'Uiterlijk', 'Verlopen'],
          t.resultaten.map((x) => [
            h('a', { href: `#/veilig-thuis/zaak/${x.zaakId}` }, `Zaak ${x.zaakId.slice(-8)}`),
            x.soort === 'informeren' ? 'Betrokkenen informeren (VT-05)' : 'Beslissen over vervolg (VT-06)',
            datum(x.uiterlijk), x.verlopen ? h('strong', { class: 'verlopen' }, 'verlopen') : 'nee',
          ]))),
    h('section', { 'aria-labelledby': 'kop-zaken' },
      h('h2', { id: 'kop-zaken' }, 'Zaken'),
      z.resultaten.length === 0 ? leeg('Er zijn geen zaken.')
        : tabel('Zaken, nieuwste eerst', ['Zaak', 'Soort', 'Status', 'Ontvangen', 'Laatste stap'],
          z.resultaten.map((x) => [
            h('a', { href: `#/veilig-thuis/zaak/${x.id}` }, `Zaak ${x.id.slice(-8)}`),
            x.soort, x.status, datum(x.aangemaaktOp),
            x.stappen.length ? STAP[x.stappen[x.stappen.length - 1].soort] : '',
          ])),
      paginering(z, (p) => vullen(el, p))));
}

function nieuweMelding(msg) {
  const soort = select('melderSoort', [['particulier', 'Particulier (bijv. buren, familie)'], ['beroepskracht', 'Beroepskracht']]);
  const naam = h('input', { name: 'melderNaam', type: 'text', required: true, autocomplete: 'off' });
  const tel = h('input', { name: 'melderTelefoon', type: 'tel', autocomplete: 'off' });
  const toestemming = h('input', { type: 'checkbox', name: 'toestemmingIdentiteit' });
  const kind = bsnVeld('BSN van het kind', 'kindBsn');
  const ouder = bsnVeld('BSN van een ouder (niet verplicht)', 'ouderBsn', false);
  const grond = select('grond', Object.entries(GROND));
  const omschrijving = h('textarea', { name: 'omschrijving', rows: '4', required: true, maxlength: '4000' });
  return formulier({ 'aria-labelledby': 'kop-nieuw' }, [
    h('fieldset', {}, h('legend', {}, 'Melder'),
      veld('Soort melder', soort), veld('Naam', naam), veld('Telefoon', tel),
      vinkje('De melder stemt in met het verstrekken van zijn identiteit (VT-04)', toestemming)),
    h('fieldset', {}, h('legend', {}, 'Betrokkenen'), kind.el, ouder.el),
    veld('Grond', grond),
    veld('Omschrijving van de zorg', omschrijving),
    knop('Melding vastleggen'),
  ], msg, async () => {
    if (!kind.ok()) { kind.input.focus(); msg.fout('Het BSN van het kind klopt niet.'); return; }
    if (!ouder.ok()) { ouder.input.focus(); msg.fout('Het BSN van de ouder klopt niet.'); return; }
    if (!naam.value.trim() || !omschrijving.value.trim()) { msg.fout('Vul de naam van de melder en de omschrijving in.'); return; }
    const melder = { soort: soort.value, naam: naam.value.trim(), toestemmingIdentiteit: toestemming.checked };
    if (tel.value.trim()) melder.telefoon = tel.value.trim();
    const betrokkenen = [{ bsn: kind.input.value.trim(), rol: 'kind' }];
    if (ouder.input.value.trim()) betrokkenen.push({ bsn: ouder.input.value.trim(), rol: 'ouder' });
    const z = await post('/api/v1/veilig-thuis/zaken', {
      soort: 'melding', melder, betrokkenen, grond: grond.value, omschrijving: omschrijving.value.trim(),
    });
    location.hash = `#/veilig-thuis/zaak/${z.id}`;
  });
}

export async function zaak(main, match) {
  const id = match[1];
  const z = await get(`/api/v1/veilig-thuis/zaken/${id}`);
  const msg = melding();
  const herlaad = async (tekst) => {
    main.replaceChildren();
    await zaak(main, match);
    if (!tekst) return;
    // The form that was sent is gone with the old page: the focus goes to its result.
    const bericht = geluktBericht(tekst);
    main.querySelector('.melding')?.replaceWith(bericht);
    bericht.focus();
  };
  if (!z.soort) {  // the reporter's view: status and steps only (VT-04)
    main.append(h('h1', {}, `Uw melding bij Veilig Thuis (zaak ${id.slice(-8)})`),
      h('p', {}, 'Als melder ziet u alleen de status en de stappen; wat Veilig Thuis verder vastlegt, blijft daar (VT-04).'),
      h('dl', { class: 'gegevens' }, h('dt', {}, 'Status'), h('dd', {}, z.status)),
      h('h2', {}, 'Stappen'),
      h('ol', { class: 'stappen' }, z.stappen.map((s) => h('li', {}, `${datum(s.datum)}: ${STAP[s.soort] || s.soort}`))));
    return;
  }
  const open = z.status !== 'afgesloten';
  const onderzoek = (z.onderzoeken || [])[0];
  // append() of dom.js: the optional parts below are null when absent, which the native
  // Element.append would print as the text "null".
  append(main, [
    h('p', {}, h('a', { href: '#/veilig-thuis' }, '← Alle zaken')),
    h('h1', {}, `Zaak ${id.slice(-8)} — ${z.soort || ''}`),
    msg.el,
    h('dl', { class: 'gegevens' },
      h('dt', {}, 'Status'), h('dd', {}, z.status),
      h('dt', {}, 'Ontvangen'), h('dd', {}, datum(z.aangemaaktOp)),
      z.grond ? [h('dt', {}, 'Grond'), h('dd', {}, GROND[z.grond] || z.grond)] : null,
      z.omschrijving ? [h('dt', {}, 'Zorg'), h('dd', {}, z.omschrijving)] : null,
      z.vraag ? [h('dt', {}, 'Vraag'), h('dd', {}, z.vraag)] : null,
      z.melder ? [h('dt', {}, 'Melder (afgeschermd, VT-04)'),
        h('dd', {}, `${z.melder.naam || 'anoniem'} (${z.melder.soort})`,
          z.melder.toestemmingIdentiteit ? ' — stemt in met verstrekken van identiteit' : '')] : null,
      h('dt', {}, 'Bewaren tot'), h('dd', {}, datum(z.bewarenTot))),
    h('section', { 'aria-labelledby': 'kop-stappen' },
      h('h2', { id: 'kop-stappen' }, 'Stappen'),
      h('ol', { class: 'stappen' }, z.stappen.map((s) => h('li', {}, `${datum(s.datum)}: ${STAP[s.soort] || s.soort}`)))),
    h('section', { 'aria-labelledby': 'kop-termijnen' },
      h('h2', { id: 'kop-termijnen' }, 'Termijnen'),
      h('ul', {},
        z.informerenUiterlijk ? h('li', {}, `Betrokkenen informeren uiterlijk ${datum(z.informerenUiterlijk)}`,
          z.geinformeerdOp ? ` — geïnformeerd op ${datum(z.geinformeerdOp)}` : '') : null,
        onderzoek ? [h('li', {}, `Onderzoek starten uiterlijk ${datum(onderzoek.startUiterlijk)} (gestart ${datum(onderzoek.gestartOp)})`),
          h('li', {}, `Beslissen over vervolg uiterlijk ${datum(onderzoek.beslissenUiterlijk)}`)] : null,
        !z.informerenUiterlijk && !onderzoek ? h('li', {}, 'Geen lopende termijnen.') : null)),
    (z.overdrachten || []).length ? h('section', { 'aria-labelledby': 'kop-overdrachten' },
      h('h2', { id: 'kop-overdrachten' }, 'Overdrachten'),
      h('ul', {}, z.overdrachten.map((o) => h('li', {}, `${datum(o.overgedragenOp)} aan ${o.soort}`,
        o.gemeenteGeinformeerd ? ` (gemeente ${o.gemeenteGeinformeerd} geïnformeerd)` : '')))) : null,
    open ? await acties(z, msg, herlaad, onderzoek) : null,
    z.soort === 'melding' && (z.betrokkenen || []).length ? identiteit(z, msg) : null]);
}

function geluktBericht(tekst) {
  return h('div', { class: 'melding goed', role: 'status', tabindex: '-1' }, h('p', {}, tekst));
}

async function acties(z, msg, herlaad, onderzoek) {
  const blok = h('section', { 'aria-labelledby': 'kop-acties' }, h('h2', { id: 'kop-acties' }, 'Volgende stap'));
  if (z.soort === 'melding' && !onderzoek && z.status === 'open') {
    const besluit = h('input', { type: 'date', name: 'besluitdatum', required: true, value: vandaag() });
    blok.append(formulier({ 'aria-label': 'Onderzoek starten' }, [
      h('h3', {}, 'Onderzoek starten (VT-06)'), veld('Datum van het besluit dat onderzoek nodig is', besluit),
      knop('Onderzoek starten'),
    ], msg, async () => {
      await post(`/api/v1/veilig-thuis/zaken/${z.id}/onderzoeken`, { besluitdatum: besluit.value });
      await herlaad('Het onderzoek is gestart.');
    }));
  }
  if (z.informerenUiterlijk && !z.geinformeerdOp) {
    blok.append(formulier({ 'aria-label': 'Betrokkenen geïnformeerd' }, [
      h('h3', {}, 'Betrokkenen informeren (VT-05)'), knop('Betrokkenen zijn geïnformeerd'),
    ], msg, async () => {
      await post(`/api/v1/veilig-thuis/zaken/${z.id}/informeringen`, {});
      await herlaad('Vastgelegd dat de betrokkenen zijn geïnformeerd.');
    }));
  }
  if (z.soort === 'melding') {
    const gids = await get('/api/v1/organisatiegids?soort=wijkteam,jeugdteam,cjg,raad-voor-de-kinderbescherming&paginaGrootte=100');
    const org = select('organisatieId', gids.resultaten.map((o) => [o.id, `${o.naam} (${o.soort})`]));
    blok.append(formulier({ 'aria-label': 'Overdragen' }, [
      h('h3', {}, 'Overdragen (VT-07)'), veld('Aan', org), knop('Overdragen'),
    ], msg, async () => {
      await post(`/api/v1/veilig-thuis/zaken/${z.id}/overdrachten`, { organisatieId: org.value });
      await herlaad(`De zaak is overgedragen aan ${org.selectedOptions[0].textContent}.`);
    }));
  }
  blok.append(formulier({ 'aria-label': 'Afsluiten' }, [
    h('h3', {}, 'Afsluiten'), knop('Zaak afsluiten', { class: 'knop gevaar' }),
  ], msg, async () => {
    await post(`/api/v1/veilig-thuis/zaken/${z.id}/afsluiting`, {});
    await herlaad('De zaak is afgesloten.');
  }));
  return blok;
}

// VT-04: a person of the case asks who reported; the identity is given only with the
// reporter's consent and when none of the three grounds against it applies.
function identiteit(z, msg) {
  const uitkomst = h('div', { 'aria-live': 'polite' });
  const verzoeker = select('verzoekerId', z.betrokkenen.map((b, i) => [b.persoonId, `${b.rol} ${i + 1} (${b.persoonId.slice(-8)})`]));
  const slachtoffer = h('input', { type: 'checkbox', name: 'bedreigingSlachtoffer' });
  const melderB = h('input', { type: 'checkbox', name: 'bedreigingMelder' });
  const relatie = h('input', { type: 'checkbox', name: 'verstoringVertrouwensrelatie' });
  return h('section', { 'aria-labelledby': 'kop-identiteit' },
    h('h2', { id: 'kop-identiteit' }, 'Identiteit van de melder (VT-04)'),
    h('p', {}, 'Vraagt een betrokkene wie de melding deed? Geef aan wat van toepassing is; de regel beslist.'),
    formulier({ 'aria-labelledby': 'kop-identiteit' }, [
      veld('Wie vraagt het', verzoeker),
      h('fieldset', {}, h('legend', {}, 'Zou verstrekken …'),
        vinkje('het (mogelijke) slachtoffer of het huishouden bedreigen?', slachtoffer),
        vinkje('de melder of zijn medewerkers bedreigen?', melderB),
        vinkje('de vertrouwensrelatie met het huishouden ernstig verstoren?', relatie)),
      knop('Besluit vastleggen'),
    ], msg, async () => {
      const b = await post(`/api/v1/veilig-thuis/zaken/${z.id}/melder-identiteit-besluiten`, {
        verzoekerId: verzoeker.value, bedreigingSlachtoffer: slachtoffer.checked,
        bedreigingMelder: melderB.checked, verstoringVertrouwensrelatie: relatie.checked,
      });
      uitkomst.replaceChildren(h('div', { class: `melding ${b.besluit === 'verstrekken' ? 'goed' : 'let-op'}`, role: 'status', tabindex: '-1' },
        h('p', {}, h('strong', {}, b.besluit === 'verstrekken' ? 'Identiteit verstrekken' : 'Identiteit niet verstrekken'), ` (regel ${b.regel}).`),
        b.gronden.length ? h('p', {}, `Gronden: ${b.gronden.join(', ')}.`) : null,
        b.melder ? h('p', {}, `Melder: ${b.melder.naam || ''}${b.melder.telefoon ? `, ${b.melder.telefoon}` : ''}`) : null));
      uitkomst.firstChild.focus();
    }),
    uitkomst);
}
