// Sign-in with a bearer token: the stand-in for UZI/eHerkenning (professionals) and DigiD
// (citizens). `make demo` prints one token per role.
import { h, veld } from './dom.js';
import { token } from './api.js';
import { melding, knop, formulier } from './ui.js';

const ROLLEN = [
  ['huisarts, leerkracht, jeugdarts', 'een zorg melden in de Verwijsindex en zien wie u moet bellen; melden bij Veilig Thuis'],
  ['vt-medewerker', 'de zaken van Veilig Thuis: stappen, termijnen, overdracht en de identiteit van de melder'],
  ['regievoerder', 'de signalen van de gemeente en de afstemming tussen de melders'],
  ['gemeentemedewerker', 'toewijzingen, declaraties en de statistiek per maand'],
  ['burger', 'uw gegevens, wie ze verwerkte, uw verzoeken en klachten'],
];

export function aanmelden(main, done, fout) {
  const msg = melding();
  if (fout) msg.fout(fout);
  const input = h('input', {
    name: 'token', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', pattern: '[0-9a-f]{64}',
  });
  const form = formulier({ class: 'aanmelden' }, [
    veld('Token', input, 'Een reeks van 64 tekens (0-9, a-f). Het blijft alleen in dit tabblad bewaard.'),
    knop('Aanmelden'),
  ], msg, async () => {
    const t = input.value.trim();
    if (!/^[0-9a-f]{64}$/.test(t)) {
      input.setAttribute('aria-invalid', 'true');
      msg.fout('Een token bestaat uit 64 tekens: cijfers en de letters a tot en met f.');
      input.focus();
      return;
    }
    token.set(t);
    await done();
  });
  main.append(
    h('h1', {}, 'Aanmelden'),
    h('p', {}, 'Meld u aan met uw token. In deze demo vervangt het token UZI-pas of eHerkenning ',
      '(voor professionals) en DigiD (voor burgers).'),
    msg.el,
    form,
    h('h2', {}, 'Waar vind ik een token?'),
    h('p', {}, 'Wie ', h('code', {}, 'make demo'), ' start, ziet in de terminal een token per rol in de ',
      'demoregio Demodam (GM9999), bijvoorbeeld:'),
    h('pre', { class: 'voorbeeld' },
      '  huisarts (Huisartsenpraktijk De Linde)        3f9a…\n',
      '  vt-medewerker (Veilig Thuis Demoregio)        b71c…\n',
      '  burger Sanne de Vries                         0d42…'),
    h('p', {}, 'Kopieer het token achter de rol waarmee u wilt werken. Met elke rol opent een ander deel:'),
    h('dl', { class: 'rollen' }, ROLLEN.flatMap(([rol, wat]) => [h('dt', {}, rol), h('dd', {}, wat)])),
    h('p', {}, 'Alles wat u hier doet, gaat via dezelfde API als andere systemen gebruiken, en wordt ',
      'gelogd zoals de wet vraagt.'));
}
