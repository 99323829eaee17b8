// The citizen: his data (through a granted inspection request, AVG-03), who processed it
// (the processing log in plain language), his requests and complaints.
import { h, append, datum, tabel, select, veld } from './dom.js';
import { get, post } from './api.js';
import { bsnVeld, melding, formulier, knop, leeg, paginering } from './ui.js';

const SOORT = { inzage: 'Inzage', correctie: 'Correctie', verwijdering: 'Verwijdering' };
const CONTEXT = { verwijsindex: 'Verwijsindex', 'veilig-thuis': 'Veilig Thuis', jeugdhulp: 'Jeugdhulp' };
const STATUS = { ontvangen: 'In behandeling', toegewezen: 'Toegewezen', afgewezen: 'Afgewezen' };
const VELD = { voornamen: 'Voornamen', geslachtsnaam: 'Achternaam', geslacht: 'Geslacht' };
const AP = 'https://autoriteitpersoonsgegevens.nl/';
const FASE = {
  medewerker: 'Bij de medewerker of aanbieder', akj: 'Bij het AKJ (vertrouwenspersoon)',
  'veilig-thuis': 'Bij Veilig Thuis en zijn klachtencommissie', 'autoriteit-persoonsgegevens': 'Bij de Autoriteit Persoonsgegevens',
};

export async function gegevens(main) {
  const v = await get('/api/v1/mijn/verzoeken?paginaGrootte=100');
  // Only the requesters open an inspection (a child sees that a parent asked, not the answer).
  const inzagen = v.resultaten.filter((x) => x.soort === 'inzage' && x.status === 'toegewezen' && x.isVerzoeker);
  main.append(h('h1', {}, 'Mijn gegevens'),
    h('p', {}, 'Welke gegevens over u (of uw kind) zijn vastgelegd, ziet u na een verzoek om inzage. ',
      'Is zo’n verzoek toegewezen, dan opent u het hier.'),
    inzagen.length === 0
      ? h('p', {}, 'U hebt nog geen toegewezen verzoek om inzage. ', h('a', { href: '#/mijn/verzoeken' }, 'Dien een verzoek in'), '.')
      : h('ul', {}, inzagen.map((x) => h('li', {},
        h('a', { href: `#/mijn/inzage/${x.id}` }, `Inzage ${CONTEXT[x.context]} (verzoek van ${datum(x.ingediendOp)})`)))),
    h('p', {}, 'Wie uw gegevens heeft gebruikt, ziet u altijd direct: ', h('a', { href: '#/mijn/logboek' }, 'wie verwerkte mijn gegevens'), '.'));
}

export async function inzage(main, match) {
  const z = await get(`/api/v1/verzoeken/${match[1]}/inzage?paginaGrootte=100`);
  const p = z.persoon;
  append(main, [h('p', {}, h('a', { href: '#/mijn' }, '← Mijn gegevens')),
    h('h1', {}, `Inzage ${CONTEXT[z.context] || z.context}`),
    h('dl', { class: 'gegevens' },
      h('dt', {}, 'Naam'), h('dd', {}, `${p.voornamen} ${p.geslachtsnaam}`),
      h('dt', {}, 'Geboortedatum'), h('dd', {}, datum(p.geboortedatum)),
      h('dt', {}, 'Adres'), h('dd', {}, `${p.adres.postcode} ${p.adres.huisnummer} (${p.gemeentecode})`)),
    h('h2', {}, 'Vastgelegde gegevens'),
    z.gegevens.length === 0 ? leeg('Er is niets vastgelegd.')
      : tabel('Wat er over u is vastgelegd', ['Datum', 'Soort', 'Status', 'Omschrijving'],
        z.gegevens.map((g) => [datum(g.datum), g.soort, g.status, g.omschrijving])),
    z.correcties?.length ? [h('h2', {}, 'Verbeterde gegevens'),
      tabel('Wat op verzoek is verbeterd (AVG), nieuwste eerst', ['Datum', 'Gegeven', 'Was', 'Is nu'],
        z.correcties.map((c) => [datum(c.gecorrigeerdOp), VELD[c.veld] || c.veld, c.oudeWaarde, c.nieuweWaarde]))] : null,
    h('h2', {}, 'Wie heeft ze verwerkt'),
    logtabel(z.logboek.resultaten)]);
}

function logtabel(items) {
  return items.length === 0 ? leeg('Er is (nog) niets verwerkt.')
    : tabel('Verwerkingen, nieuwste eerst', ['Wanneer', 'Wie', 'Wat', 'Waarvoor'],
      items.map((m) => [datum(m.tijdstip), m.wie, m.wat, m.waarom]));
}

export async function logboek(main) {
  const lijst = h('div');
  main.append(h('h1', {}, 'Wie verwerkte mijn gegevens'),
    h('p', {}, 'Elke keer dat iemand uw gegevens vastlegt, bekijkt of doorgeeft, staat hier: wie, wat en waarvoor. ',
      'Wie bij Veilig Thuis een melding deed, wordt niet genoemd.'),
    lijst);
  const vullen = async (p) => {
    const l = await get(`/api/v1/mijn/logboek?pagina=${p}&paginaGrootte=20`);
    lijst.replaceChildren(logtabel(l.resultaten), paginering(l, vullen));
  };
  await vullen(1);
}

// Whose signature a joint request (Verwijsindex, youth of 12 to 15, VIR-15) still needs.
const WACHT = {
  vertegenwoordiger: 'een ouder of voogd met gezag', jeugdige: 'de jeugdige zelf',
};

function wachtTekst(x) {
  if (x.magMedeondertekenen) return 'Uw handtekening is nodig. Pas als u mee ondertekent, behandelen we het verzoek.';
  return `Wacht op de handtekening van ${WACHT[x.wachtOpMedeondertekeningVan] || 'de andere partij'}. Daarna krijgt u binnen een maand antwoord.`;
}

// What a granted correction or erasure did (AVG-04), in words.
function uitgevoerd(u) {
  const regels = [];
  if (u.gecorrigeerd?.length) regels.push(`Verbeterd: ${u.gecorrigeerd.map((v) => (VELD[v] || v).toLowerCase()).join(', ')}.`);
  const aantal = (n, een, meer) => `${n} ${n === 1 ? een : meer}`;
  if (u.verwijsindexRegistratiesVerwijderd) regels.push(`${aantal(u.verwijsindexRegistratiesVerwijderd, 'registratie', 'registraties')} in de Verwijsindex verwijderd.`);
  if (u.dossiersVernietigd) regels.push(`${aantal(u.dossiersVernietigd, 'dossier', 'dossiers')} van de jeugdhulp vernietigd.`);
  if (u.veiligThuisZakenVernietigd) regels.push(`${aantal(u.veiligThuisZakenVernietigd, 'zaak', 'zaken')} bij Veilig Thuis vernietigd.`);
  if (u.veiligThuisZakenOntkoppeld) {
    regels.push(`${aantal(u.veiligThuisZakenOntkoppeld, 'zaak gaat', 'zaken gaan')} ook over anderen en ${u.veiligThuisZakenOntkoppeld === 1 ? 'blijft' : 'blijven'} voor hen bewaard; de koppeling met de betrokkene is verwijderd.`);
  }
  if (regels.length === 0) regels.push('Er was niets (meer) vastgelegd om te verwijderen.');
  return regels;
}

// The column "Antwoord": the term, why it was extended, the decision with its reason and
// what was done, and where to go when the requester disagrees (AVG 12(4)).
function antwoord(x, ondertekenen) {
  if (x.status === 'ontvangen') {
    if (x.medeondertekening === 'nodig') return [h('p', {}, wachtTekst(x)), x.magMedeondertekenen ? ondertekenen(x) : null];
    return [h('p', {}, `Antwoord uiterlijk ${datum(x.termijn)}.`),
      x.verlengd ? h('p', {}, 'De termijn is verlengd', x.verlengingReden ? `: ${x.verlengingReden}` : '.') : null];
  }
  const op = x.beslotenOp ? ` op ${datum(x.beslotenOp)}` : '';
  return [h('p', {}, `${STATUS[x.status] || x.status}${op}.`),
    x.besluitReden ? h('p', {}, `Reden: ${x.besluitReden}`) : null,
    x.uitvoering ? uitgevoerd(x.uitvoering).map((r) => h('p', {}, r)) : null,
    x.status === 'toegewezen' && x.soort === 'inzage' && x.isVerzoeker
      ? h('p', {}, h('a', { href: `#/mijn/inzage/${x.id}` }, 'Bekijk de inzage')) : null,
    x.status === 'afgewezen' && x.isVerzoeker ? h('p', {}, 'Niet eens met dit besluit? ',
      h('a', { href: '#/mijn/klachten' }, 'Dien een klacht in'), ' of ga naar de ',
      h('a', { href: AP }, 'Autoriteit Persoonsgegevens'), '.') : null];
}

export async function verzoeken(main) {
  const msg = melding();
  const lijst = h('div');
  const soort = select('soort', Object.entries(SOORT));
  const context = select('context', Object.entries(CONTEXT));
  const bsn = bsnVeld('BSN van degene om wie het gaat (uzelf of uw kind)', 'betrokkeneBsn');
  const toelichting = h('textarea', { name: 'toelichting', rows: '3', maxlength: '2000' });
  // VIR-15: the other party of a joint request signs it here.
  const ondertekenen = (x) => h('button', {
    type: 'button', class: 'knop licht',
    onclick: async () => {
      msg.leeg();
      try {
        const v = await post(`/api/v1/verzoeken/${x.id}/medeondertekeningen`, {});
        await vullen();
        msg.goed(`U hebt het verzoek mee ondertekend. U krijgt uiterlijk ${datum(v.termijn)} antwoord.`);
      } catch (e) { msg.fout(e); }
      msg.el.focus();
    },
  }, `Mede ondertekenen: ${SOORT[x.soort].toLowerCase()} ${CONTEXT[x.context]}`);
  const vullen = async () => {
    const v = await get('/api/v1/mijn/verzoeken?paginaGrootte=100');
    lijst.replaceChildren(v.resultaten.length === 0 ? leeg('U hebt geen verzoeken.')
      : tabel('Uw verzoeken, nieuwste eerst', ['Ingediend', 'Soort', 'Over', 'Status', 'Antwoord'],
        v.resultaten.map((x) => [datum(x.ingediendOp), SOORT[x.soort], CONTEXT[x.context],
          x.medeondertekening === 'nodig' ? 'Wacht op handtekening' : STATUS[x.status] || x.status,
          antwoord(x, ondertekenen)])));
  };
  const form = formulier({ 'aria-labelledby': 'kop-nieuw' }, [
    veld('Wat wilt u?', soort), veld('Waarover?', context), bsn.el,
    veld('Toelichting (niet verplicht)', toelichting), knop('Verzoek indienen'),
  ], msg, async () => {
    if (!bsn.ok()) { bsn.input.focus(); msg.fout('Het BSN klopt niet: controleer de cijfers.'); return; }
    const body = { soort: soort.value, context: context.value, betrokkeneBsn: bsn.input.value.trim() };
    if (toelichting.value.trim()) body.toelichting = toelichting.value.trim();
    const v = await post('/api/v1/verzoeken', body);
    form.reset();
    bsn.ok();
    await vullen();
    msg.goed(v.termijn ? `Uw verzoek is ontvangen. U krijgt uiterlijk ${datum(v.termijn)} antwoord.`
      : `Uw verzoek is ontvangen. ${v.wachtOpMedeondertekeningVan === 'jeugdige' ? 'De jeugdige' : 'Een ouder of voogd met gezag'} moet het mee ondertekenen op deze pagina; daarna krijgt u binnen een maand antwoord.`);
  });
  main.append(h('h1', {}, 'Verzoeken'),
    h('p', {}, 'U mag uw gegevens inzien, laten verbeteren of laten verwijderen. U krijgt binnen een maand antwoord (AVG).'),
    h('p', {}, 'Gaat het om de Verwijsindex en is de jeugdige 12 tot 16 jaar? Dan dienen de jeugdige en een ouder of voogd het verzoek samen in: de een dient het in, de ander ondertekent het hier mee.'),
    h('section', { 'aria-labelledby': 'kop-nieuw' }, h('h2', { id: 'kop-nieuw' }, 'Nieuw verzoek'), msg.el, form),
    h('section', { 'aria-labelledby': 'kop-lijst' }, h('h2', { id: 'kop-lijst' }, 'Mijn verzoeken'), lijst));
  await vullen();
}

export async function klachten(main) {
  const msg = melding();
  const lijst = h('div');
  const over = select('over', [['jeugdhulp', 'Jeugdhulp'], ['veilig-thuis', 'Veilig Thuis']]);
  const org = select('organisatieId', []);
  const omschrijving = h('textarea', { name: 'omschrijving', rows: '4', required: true, maxlength: '4000' });
  const orgs = async () => {
    const soort = over.value === 'veilig-thuis' ? 'veilig-thuis' : 'jeugdhulpaanbieder,gecertificeerde-instelling';
    const g = await get(`/api/v1/organisatiegids?soort=${soort}&paginaGrootte=100`);
    org.replaceChildren(...g.resultaten.map((o) => h('option', { value: o.id }, o.naam)));
  };
  over.addEventListener('change', () => orgs().catch((e) => msg.fout(e)));
  const vullen = async (bericht) => {
    const k = await get('/api/v1/mijn/klachten?paginaGrootte=100');
    lijst.replaceChildren(k.resultaten.length === 0 ? leeg('U hebt geen klachten ingediend.')
      : tabel('Uw klachten, nieuwste eerst', ['Ingediend', 'Over', 'Waar ligt de klacht', 'Doorzetten'],
        k.resultaten.map((x) => [datum(x.ingediendOp), x.over === 'veilig-thuis' ? 'Veilig Thuis' : 'Jeugdhulp',
          FASE[x.fase] || x.fase,
          x.geescaleerdOp ? `doorgezet op ${datum(x.geescaleerdOp)}` : doorzetten(x)])));
    if (bericht) msg.goed(bericht);
  };
  const doorzetten = (x) => h('button', {
    type: 'button', class: 'knop licht',
    onclick: async () => {
      try {
        const k = await post(`/api/v1/klachten/${x.id}/escalaties`, {});
        await vullen(`Uw klacht ligt nu: ${FASE[k.fase] || k.fase}.`);
      } catch (e) { msg.fout(e); }
    },
  }, x.over === 'veilig-thuis' ? 'Naar de Autoriteit Persoonsgegevens' : 'Naar het AKJ');
  const form = formulier({ 'aria-labelledby': 'kop-nieuw' }, [
    veld('Waarover gaat uw klacht?', over), veld('Over welke organisatie?', org),
    veld('Uw klacht', omschrijving), knop('Klacht indienen'),
  ], msg, async () => {
    if (!omschrijving.value.trim()) { omschrijving.focus(); msg.fout('Beschrijf uw klacht.'); return; }
    await post('/api/v1/klachten', { over: over.value, organisatieId: org.value, omschrijving: omschrijving.value.trim() });
    omschrijving.value = '';
    await vullen('Uw klacht is ingediend.');
  });
  main.append(h('h1', {}, 'Klachten'),
    h('p', {}, 'Niet tevreden? Dien een klacht in. Komt u er samen niet uit, dan zet u de klacht door.'),
    h('section', { 'aria-labelledby': 'kop-nieuw' }, h('h2', { id: 'kop-nieuw' }, 'Nieuwe klacht'), msg.el, form),
    h('section', { 'aria-labelledby': 'kop-lijst' }, h('h2', { id: 'kop-lijst' }, 'Mijn klachten'), lijst));
  await Promise.all([orgs(), vullen()]);
}
