// The web pages end to end: a real server (the demo region), a real browser. Each flow of
// the issue, and every page checked with axe-core and kept as a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDemoAndBrowser, signIn, open, check } from './harness.mjs';

let demo;
let page;

const T = (label) => {
  const t = demo.tokens[label];
  assert.ok(t, `the demo printed no token for "${label}" (got: ${Object.keys(demo.tokens).join(', ')})`);
  return t;
};

withDemoAndBrowser((started) => ({ demo, page } = started));

test('the sign-in page explains the demo tokens and refuses a malformed token', async () => {
  await page.goto(`${demo.url}/`);
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await check(page, 'aanmelden');
  await page.getByLabel('Token').fill('geen-token');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('alert').getByText('64 tekens').waitFor();
  await page.getByText('make demo').first().waitFor();
});

test('the elfproef in the page agrees with the server (BSN-01)', async () => {
  await page.goto(`${demo.url}/`);
  const got = await page.evaluate(async () => {
    const { elfproef } = await import('/bsn.js');
    return ['999900109', '999990019', '111222333', '10000008', '999900108', '000000000',
      '12345678', '9999001091', '99990010a'].map(elfproef);
  });
  assert.deepEqual(got, [true, true, true, true, false, false, false, false, false]);
});

test('a professional registers a concern and sees the signal after a second registration', async () => {
  const mila = '999900109';  // Mila Jansen, 11: nobody has registered her yet
  await signIn(page, demo.url, T('huisarts (Huisartsenpraktijk De Linde)'));
  await open(page, demo.url, '#/verwijsindex');
  // The elfproef runs while typing.
  const bsn = page.getByLabel('BSN van de jeugdige');
  await bsn.fill('999900108');
  await page.getByText('Dit BSN klopt niet (elfproef)').waitFor();
  assert.equal(await bsn.getAttribute('aria-invalid'), 'true');
  await bsn.fill(mila);
  await page.getByText('Dit BSN is geldig (elfproef).').waitFor();
  await page.getByLabel(/redelijk vermoeden/).check();
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await page.getByRole('status').getByText('Uw melding is vastgelegd').waitFor();
  const eigen = page.getByRole('table', { name: 'Uw meldingen, nieuwste eerst' });
  await eigen.getByRole('cell', { name: mila, exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: new RegExp(`BSN ${mila}`) }).count(), 0,
    'no signal yet: nobody else registered her');
  await check(page, 'verwijsindex-melding');

  // A second melder, the jeugdarts, registers the same youth.
  await signIn(page, demo.url, T('jeugdarts (JGZ Demodam)'));
  await open(page, demo.url, '#/verwijsindex');
  await page.getByLabel('BSN van de jeugdige').fill(mila);
  await page.getByLabel(/redelijk vermoeden/).check();
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await page.getByRole('status').getByText('Uw melding is vastgelegd').waitFor();

  // The huisarts now sees whom to call.
  await signIn(page, demo.url, T('huisarts (Huisartsenpraktijk De Linde)'));
  await open(page, demo.url, '#/verwijsindex');
  const signaal = page.locator('.signaal', { has: page.getByRole('heading', { name: `Dezelfde jeugdige — BSN ${mila}` }) });
  await signaal.getByText('Anne Jeugdarts').waitFor();
  await signaal.getByRole('link', { name: '010 123 4567' }).waitFor();
  await check(page, 'verwijsindex-signaal');

  // Removal with its reason (VIR-10); after it the BSN is no longer shown, even to him.
  const rij = eigen.getByRole('row').filter({ has: page.getByRole('cell', { name: mila, exact: true }) });
  await rij.getByLabel('Reden').selectOption('onterecht');
  await rij.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('status').getByText('De melding is verwijderd (onterecht).').waitFor();
  await eigen.getByRole('cell', { name: 'verwijderd (onterecht)' }).waitFor();
  assert.equal(await eigen.getByRole('cell', { name: mila, exact: true }).count(), 0);
});

test('a Veilig Thuis case from melding to handover', async () => {
  await signIn(page, demo.url, T('vt-medewerker (Veilig Thuis Demoregio)'));
  await open(page, demo.url, '#/veilig-thuis');
  await page.getByRole('table', { name: 'Zaken, nieuwste eerst' }).waitFor();
  await check(page, 'veilig-thuis-zaken');
  await page.getByLabel('Soort melder').selectOption('particulier');
  await page.getByLabel('Naam', { exact: true }).fill('Gerda Buur');
  await page.getByLabel('Telefoon').fill('06 1234 5678');
  await page.getByLabel('BSN van het kind').fill('999900171');   // Tim Visser
  await page.getByLabel(/BSN van een ouder/).fill('999900158');  // Anouk Visser
  await page.getByLabel('Grond').selectOption('redelijk-vermoeden');
  await page.getByLabel('Omschrijving van de zorg').fill('Tim komt vaak zonder eten naar school.');
  await page.getByRole('button', { name: 'Melding vastleggen' }).click();
  await page.waitForURL(/#\/veilig-thuis\/zaak\//);
  await page.getByRole('heading', { name: /^Zaak .* melding$/ }).waitFor();
  await page.getByRole('listitem').getByText('Ontvangen').first().waitFor();

  await page.getByRole('button', { name: 'Onderzoek starten' }).click();
  await page.getByRole('status').getByText('Het onderzoek is gestart.').waitFor();
  await page.getByText(/Beslissen over vervolg uiterlijk/).waitFor();
  await check(page, 'veilig-thuis-zaak');
  assert.doesNotMatch(await page.locator('main').innerText(), /\bnull\b/, 'no absent part printed as "null"');

  // The mother asks who reported; the reporter did not consent (VT-04).
  const wie = page.getByLabel('Wie vraagt het');
  await wie.selectOption(await wie.locator('option', { hasText: /^ouder/ }).getAttribute('value'));
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.getByText('Identiteit niet verstrekken').waitFor();

  await page.getByLabel('Aan', { exact: true }).selectOption({ label: 'Wijkteam Demodam-Noord (wijkteam)' });
  await page.getByRole('button', { name: 'Overdragen' }).click();
  await page.getByRole('status').getByText('De zaak is overgedragen aan Wijkteam Demodam-Noord').waitFor();
  await page.getByText('Overgedragen aan het lokale team').first().waitFor();
  await page.locator('dl.gegevens').getByText('overgedragen', { exact: true }).waitFor();
  await check(page, 'veilig-thuis-overgedragen');
});

test('a professional reports to Veilig Thuis himself and then sees only status and steps', async () => {
  const zorg = 'Zoë heeft vaak blauwe plekken en wil niet naar huis.';
  await signIn(page, demo.url, T('leerkracht (Basisschool De Regenboog)'));
  await open(page, demo.url, '#/veilig-thuis/melden');
  await page.getByLabel('BSN van het kind').fill('999900201');       // Zoë Martens
  await page.getByLabel(/BSN van een ouder/).fill('999900195');      // Ricardo Martens
  await page.getByLabel('Grond (VT-03)').selectOption('redelijk-vermoeden');
  await page.getByLabel('Wat ziet of hoort u?').fill(zorg);
  await check(page, 'vt-melden');
  await page.getByRole('button', { name: 'Melding doen' }).click();
  await page.getByRole('heading', { name: /^Uw melding bij Veilig Thuis/ }).waitFor();
  await page.locator('ol.stappen').getByText(/Ontvangen/).waitFor();
  assert.equal(await page.getByText(zorg).count(), 0, 'the reporter does not get the case back (VT-04)');
  const zaak = new URL(page.url()).hash.split('/').pop();
  await check(page, 'vt-melding-status');

  // Veilig Thuis has it, with the worry.
  await signIn(page, demo.url, T('vt-medewerker (Veilig Thuis Demoregio)'));
  await open(page, demo.url, `#/veilig-thuis/zaak/${zaak}`);
  await page.getByText(zorg).waitFor();
});

test('a citizen reads who processed his data and files a request and a complaint', async () => {
  await signIn(page, demo.url, T('burger Sanne de Vries'));
  await open(page, demo.url, '#/mijn/logboek');
  const log = page.getByRole('table', { name: 'Verwerkingen, nieuwste eerst' });
  await log.waitFor();
  assert.ok(await log.getByRole('row').count() > 1, 'the demo processed her data');
  await check(page, 'burger-logboek');

  await open(page, demo.url, '#/mijn/verzoeken');
  await page.getByLabel('Wat wilt u?').selectOption('inzage');
  await page.getByLabel('Waarover?').selectOption('verwijsindex');
  await page.getByLabel(/BSN van degene/).fill('999900031');  // her daughter Noor, 10
  await page.getByRole('button', { name: 'Verzoek indienen' }).click();
  await page.getByRole('status').getByText(/Uw verzoek is ontvangen/).waitFor();
  const lijst = page.getByRole('table', { name: 'Uw verzoeken, nieuwste eerst' });
  await lijst.getByRole('cell', { name: 'In behandeling' }).waitFor();
  await check(page, 'burger-verzoeken');

  await open(page, demo.url, '#/mijn/klachten');
  await page.getByLabel('Waarover gaat uw klacht?').selectOption('jeugdhulp');
  await page.getByLabel('Over welke organisatie?').selectOption({ label: 'Jeugdhulp Horizon' });
  await page.getByLabel('Uw klacht', { exact: true }).fill('Afspraken worden steeds verzet.');
  await page.getByRole('button', { name: 'Klacht indienen' }).click();
  await page.getByRole('status').getByText('Uw klacht is ingediend.').waitFor();
  await page.getByRole('cell', { name: 'Bij de medewerker of aanbieder' }).waitFor();
  await check(page, 'burger-klachten');
  await page.getByRole('button', { name: 'Naar het AKJ' }).click();
  await page.getByRole('status').getByText(/Bij het AKJ/).waitFor();

  // The handler (a beheerder, through the API) grants the inspection; she then reads it.
  const beheerder = { Authorization: `Bearer ${T('beheerder')}`, 'Content-Type': 'application/json' };
  const open_ = await (await fetch(`${demo.url}/api/v1/verzoeken`, { headers: beheerder })).json();
  assert.equal(open_.resultaten.length, 1);
  const besluit = await fetch(`${demo.url}/api/v1/verzoeken/${open_.resultaten[0].id}/besluiten`, {
    method: 'POST', headers: beheerder, body: JSON.stringify({ besluit: 'toegewezen', reden: 'Inzage verstrekt.' }),
  });
  assert.equal(besluit.status, 201);
  await open(page, demo.url, '#/mijn');
  await page.getByRole('heading', { name: 'Mijn gegevens' }).waitFor();
  await check(page, 'burger-gegevens');
  await page.getByRole('link', { name: /^Inzage Verwijsindex/ }).click();
  await page.getByRole('heading', { name: 'Inzage Verwijsindex' }).waitFor();
  await page.locator('dl.gegevens').getByText('Noor de Vries').waitFor();
  await page.getByRole('table', { name: 'Wat er over u is vastgelegd' }).waitFor();
  await check(page, 'burger-inzage');
  // Her filing and her reading are in her log too.
  await open(page, demo.url, '#/mijn/logboek');
  await log.getByRole('cell', { name: 'uzelf' }).first().waitFor();
});

test('the municipality: signals and afstemming, assignments, bills and statistics', async () => {
  await signIn(page, demo.url, T('regievoerder (Gemeente Demodam)'));
  await open(page, demo.url, '#/regie');
  const kaart = page.locator('.signaal').first();
  await kaart.waitFor();
  await check(page, 'gemeente-regie');
  await kaart.getByLabel('De melders hebben contact gehad').check();
  await kaart.getByRole('button', { name: 'Afstemming vastleggen' }).click();
  await page.getByRole('status').getByText('De afstemming is vastgelegd.').waitFor();
  await page.locator('.signaal').first().getByText(/contact gelegd/).waitFor();

  await signIn(page, demo.url, T('gemeentemedewerker (Gemeente Demodam)'));
  await open(page, demo.url, '#/toewijzingen');
  await page.getByRole('table', { name: 'Toewijzingen, nieuwste eerst' }).getByRole('cell', { name: /gestart/ }).waitFor();
  await check(page, 'gemeente-toewijzingen');
  await open(page, demo.url, '#/declaraties');
  await page.getByRole('table', { name: 'Declaraties, nieuwste eerst' }).getByRole('cell', { name: '999900043' }).waitFor();
  await check(page, 'gemeente-declaraties');
  await open(page, demo.url, '#/statistiek');
  await page.locator('svg.grafiek').waitFor();
  assert.equal(await page.locator('svg.grafiek').getAttribute('role'), 'img');
  await page.getByRole('table', { name: /Aantallen per maand/ }).waitFor();
  await check(page, 'gemeente-statistiek');

  // The provider sees the same two lists for his own organisation.
  await signIn(page, demo.url, T('jeugdhulpverlener (Jeugdhulp Horizon)'));
  await open(page, demo.url, '#/toewijzingen');
  await page.getByRole('table', { name: 'Toewijzingen, nieuwste eerst' }).getByRole('cell', { name: /gestart/ }).waitFor();
  await open(page, demo.url, '#/declaraties');
  await page.getByRole('table', { name: 'Declaraties, nieuwste eerst' }).getByRole('cell', { name: '999900043' }).waitFor();
  await check(page, 'aanbieder-declaraties');
  assert.doesNotMatch(await page.locator('main').innerText(), /\bnull\b/, 'no absent part printed as "null"');
});
