// Cedar's side of bench/authz: VIR-02 (vir02.cedar) evaluated with @cedar-policy/cedar-wasm
// on Node in its fastest mode: the policy set parsed once (preparsePolicySet) and each call
// given only the entities that decide it (statefulIsAuthorized).
//
//   node bench/cedar/bench.mjs [--seconds N]
//
// Prints one JSON line: {"calls", "seconds", "perSecond", "nsPerCall", "allowed"}.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;

const parsed = cedar.preparsePolicySet('vir02', { staticPolicies: readFileSync(join(here, 'vir02.cedar'), 'utf8') });
if (parsed.type !== 'success') throw new Error(JSON.stringify(parsed));

const organisatie = { type: 'Organisatie', id: 'o1' };
// Four cases that walk every branch of the rule: allowed via the youth's municipality,
// allowed via the organisation's own, refused without designation, refused on an expired
// convenant. The bench cycles through them so no answer is cached by accident.
const cases = [
  { bevoegd: true, jeugdige: 'GM0363', convenant: { gemeente: 'GM0363', vanaf: 20250101 } },
  { bevoegd: true, jeugdige: 'GM0599', convenant: { gemeente: 'GM0344', vanaf: 20250101, tot: 20271231 } },
  { bevoegd: false, jeugdige: 'GM0363', convenant: { gemeente: 'GM0363', vanaf: 20250101 } },
  { bevoegd: true, jeugdige: 'GM0363', convenant: { gemeente: 'GM0363', vanaf: 20200101, tot: 20241231 } },
].map((c) => ({
  principal: { type: 'Medewerker', id: 'm1' },
  action: { type: 'Action', id: 'vir.melden' },
  resource: { type: 'Jeugdige', id: 'j1' },
  context: { datum: 20261129, convenant: c.convenant },
  preparsedPolicySetId: 'vir02',
  entities: [
    { uid: { type: 'Medewerker', id: 'm1' }, attrs: { meldingsbevoegd: c.bevoegd, organisatie: { __entity: organisatie } }, parents: [] },
    { uid: organisatie, attrs: { soort: 'huisartsenpraktijk', gemeente: 'GM0344' }, parents: [] },
    { uid: { type: 'Jeugdige', id: 'j1' }, attrs: { gemeente: c.jeugdige }, parents: [] },
  ],
}));
const expected = ['allow', 'allow', 'deny', 'deny'];

function decide(call) {
  const answer = cedar.statefulIsAuthorized(call);
  if (answer.type !== 'success') throw new Error(JSON.stringify(answer));
  return answer.response.decision;
}
cases.forEach((c, i) => {
  const d = decide(c);
  if (d !== expected[i]) throw new Error(`case ${i}: ${d}, expected ${expected[i]}`);
});

for (let i = 0; i < 20000; i++) decide(cases[i & 3]);  // warm up the JIT
let calls = 0;
let allowed = 0;
const start = process.hrtime.bigint();
const end = start + BigInt(Math.round(seconds * 1e9));
let now = start;
while (now < end) {
  for (let i = 0; i < 1000; i++, calls++) if (decide(cases[calls & 3]) === 'allow') allowed++;
  now = process.hrtime.bigint();
}
const secs = Number(now - start) / 1e9;
console.log(JSON.stringify({ calls, seconds: secs, perSecond: calls / secs, nsPerCall: (secs * 1e9) / calls, allowed }));
