// The citizen's rights end to end: a joint Verwijsindex request of a youth of 14 and his
// parents (VIR-15), the reasons of an extension and a refusal with the way to complain
// (AVG 12(3), 12(4)), what a correction did (AVG-04), links only to inspections the reader
// may open, and where the focus goes after sending a form (WCAG 2.4.3, 3.3.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDemoAndBrowser, signIn, open, check } from './harness.mjs';

let demo;
let page;
const DAAN = '999900043';  // Daan de Vries, 14; his parents Johan and Sanne have authority
const NOOR = '999900031';  // Noor de Vries, 10

withDemoAndBrowser((started) => ({ demo, page } = started));

// The API as the handler (the beheerder) or as a citizen, outside the browser.
async function api(token, method, path, body) {
  const r = await fetch(`${demo.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}
const beheerder = () => demo.tokens.beheerder;
const sanne = () => demo.tokens['burger Sanne de Vries'];
const tokens = {};
async function burger(bsn) {
  if (!tokens[bsn]) {
    const r = await api(beheerder(), 'POST', '/api/v1/burgers/tokens', { bsn });
    assert.equal(r.status, 201);
    tokens[bsn] = r.body.token;
  }
  return tokens[bsn];
}

async function vraag(soort, context, bsn) {
  await open(page, demo.url, '#/mijn/verzoeken');
  await page.getByLabel('Wat wilt u?').selectOption(soort);
  await page.getByLabel('Waarover?').selectOption(context);
  await page.getByLabel(/BSN van degene/).fill(bsn);
  await page.getByRole('button', { name: 'Verzoek indienen' }).click();
}

const gefocust = () => page.evaluate(() => {
  const el = document.activeElement;
  return { role: el.getAttribute('role'), name: el.getAttribute('name'), invalid: el.getAttribute('aria-invalid'), tekst: el.textContent };
});

test('a youth of 14 asks, a parent co-signs on the page, and the answer explains itself', async () => {
  await signIn(page, demo.url, await burger(DAAN));
  await vraag('inzage', 'verwijsindex', DAAN);
  const status = page.getByRole('status');
  await status.getByText('Een ouder of voogd met gezag moet het mee ondertekenen').waitFor();
  assert.equal((await gefocust()).role, 'status', 'the focus moves to the result');
  const lijst = page.getByRole('table', { name: 'Uw verzoeken, nieuwste eerst' });
  await lijst.getByText('Wacht op de handtekening van een ouder of voogd met gezag').waitFor();
  assert.equal(await page.getByText(/andere ouder/).count(), 0);
  await check(page, 'rechten-jeugdige-wacht');

  // His mother sees that her signature is needed, and gives it.
  await signIn(page, demo.url, sanne());
  await open(page, demo.url, '#/mijn/verzoeken');
  await lijst.getByText('Uw handtekening is nodig').waitFor();
  await check(page, 'rechten-ouder-ondertekenen');
  await lijst.getByRole('button', { name: /^Mede ondertekenen/ }).click();
  await status.getByText(/U hebt het verzoek mee ondertekend\. U krijgt uiterlijk .* antwoord\./).waitFor();
  assert.equal((await gefocust()).role, 'status');
  await lijst.getByText(/^Antwoord uiterlijk/).waitFor();
  assert.equal(await lijst.getByRole('button', { name: /^Mede ondertekenen/ }).count(), 0);

  // The handler extends the term and then refuses, each with a reason.
  const open_ = await api(beheerder(), 'GET', '/api/v1/verzoeken');
  const id = open_.body.resultaten.find((x) => x.context === 'verwijsindex').id;
  assert.equal((await api(beheerder(), 'POST', `/api/v1/verzoeken/${id}/verlengingen`, { reden: 'Wij vragen drie meldingen op.' })).status, 200);
  await signIn(page, demo.url, await burger(DAAN));
  await open(page, demo.url, '#/mijn/verzoeken');
  await lijst.getByText('De termijn is verlengd: Wij vragen drie meldingen op.').waitFor();
  assert.equal((await api(beheerder(), 'POST', `/api/v1/verzoeken/${id}/besluiten`,
    { besluit: 'afgewezen', reden: 'Over u staat niets in de Verwijsindex.' })).status, 201);
  await page.reload();
  await lijst.getByText('Reden: Over u staat niets in de Verwijsindex.').waitFor();
  await lijst.getByText(/^Afgewezen op /).waitFor();
  assert.equal(await lijst.getByText(/^Antwoord uiterlijk/).count(), 0, 'no term once decided');
  await lijst.getByRole('link', { name: 'Dien een klacht in' }).waitFor();
  await lijst.getByRole('link', { name: 'Autoriteit Persoonsgegevens' }).waitFor();
  await check(page, 'rechten-afgewezen');
});

test('a parent asks for a youth of 14, who co-signs the request himself', async () => {
  await signIn(page, demo.url, await burger('999900006'));  // Johan de Vries
  await vraag('correctie', 'verwijsindex', DAAN);
  await page.getByRole('status').getByText('De jeugdige moet het mee ondertekenen').waitFor();
  await signIn(page, demo.url, await burger(DAAN));
  await open(page, demo.url, '#/mijn/verzoeken');
  const lijst = page.getByRole('table', { name: 'Uw verzoeken, nieuwste eerst' });
  await lijst.getByRole('button', { name: 'Mede ondertekenen: correctie Verwijsindex' }).click();
  await page.getByRole('status').getByText('U hebt het verzoek mee ondertekend').waitFor();
});

test('a correction shows what changed; a child gets no link to a parent\'s inspection', async () => {
  await signIn(page, demo.url, sanne());
  await vraag('correctie', 'jeugdhulp', NOOR);
  await page.getByRole('status').getByText('Uw verzoek is ontvangen').waitFor();
  await vraag('inzage', 'veilig-thuis', DAAN);
  await page.getByRole('status').getByText('Uw verzoek is ontvangen').waitFor();
  const open_ = await api(beheerder(), 'GET', '/api/v1/verzoeken');
  const corr = open_.body.resultaten.find((x) => x.soort === 'correctie' && x.context === 'jeugdhulp');
  const inz = open_.body.resultaten.find((x) => x.soort === 'inzage' && x.context === 'veilig-thuis');
  assert.equal((await api(beheerder(), 'POST', `/api/v1/verzoeken/${corr.id}/besluiten`, {
    besluit: 'toegewezen', reden: 'Gecorrigeerd.', correcties: [{ veld: 'voornamen', waarde: 'Noor Anna' }],
  })).status, 201);
  assert.equal((await api(beheerder(), 'POST', `/api/v1/verzoeken/${inz.id}/besluiten`,
    { besluit: 'toegewezen', reden: 'Inzage verstrekt.' })).status, 201);
  await page.reload();
  const lijst = page.getByRole('table', { name: 'Uw verzoeken, nieuwste eerst' });
  await lijst.getByText('Verbeterd: voornamen.').waitFor();
  await lijst.getByRole('link', { name: 'Bekijk de inzage' }).waitFor();

  // Daan sees that his mother asked, but the inspection is hers to open.
  await signIn(page, demo.url, await burger(DAAN));
  await open(page, demo.url, '#/mijn');
  await page.getByText('U hebt nog geen toegewezen verzoek om inzage.').waitFor();
  assert.equal(await page.getByRole('link', { name: /^Inzage / }).count(), 0);
  await open(page, demo.url, '#/mijn/verzoeken');
  await page.getByRole('cell', { name: 'Toegewezen', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Bekijk de inzage' }).count(), 0);
});

test('after sending a form the focus is on the message or on the field in error', async () => {
  await signIn(page, demo.url, await burger(DAAN));
  await open(page, demo.url, '#/mijn/verzoeken');
  const bsn = page.getByLabel(/BSN van degene/);
  // Its own check: the BSN field.
  await bsn.fill('999900044');
  await page.getByRole('button', { name: 'Verzoek indienen' }).click();
  await page.getByRole('alert').getByText('Het BSN klopt niet').waitFor();
  assert.deepEqual(await gefocust().then((f) => [f.name, f.invalid]), ['betrokkeneBsn', 'true']);
  // A refusal of the server without a field: the message.
  await bsn.fill(NOOR);
  await page.getByRole('button', { name: 'Verzoek indienen' }).click();
  await page.getByRole('alert').getByText(/AVG-02|VIR-15/).waitFor();
  assert.equal((await gefocust()).role, 'alert');
  // A field the server names (invalidParams): marked and focused.
  await page.getByLabel('Wat wilt u?').evaluate((s) => { s.append(new Option('Inzien', 'inzien')); s.value = 'inzien'; });
  await bsn.fill(DAAN);
  await page.getByRole('button', { name: 'Verzoek indienen' }).click();
  await page.getByRole('alert').getByText(/^soort:/).waitFor();
  assert.deepEqual(await gefocust().then((f) => [f.name, f.invalid]), ['soort', 'true']);
  await check(page, 'rechten-fout-veld');
});
