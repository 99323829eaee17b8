// The elfproef of a BSN (BSN-01), as the server checks it: 8 or 9 digits (8 are padded with
// a leading zero), not all zeros, and 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11.
export function elfproef(input) {
  const text = String(input).trim();
  if (!/^\d{8,9}$/.test(text)) return false;
  const d = text.padStart(9, '0');
  if (d === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

// What to tell the user while he types.
export function bsnStatus(input) {
  const text = String(input).trim();
  if (text === '') return { ok: false, tekst: 'Vul het BSN in: 9 cijfers.' };
  if (!/^\d+$/.test(text)) return { ok: false, tekst: 'Een BSN bestaat alleen uit cijfers.' };
  if (text.length < 8) return { ok: false, tekst: `Nog ${9 - text.length} cijfers.` };
  if (text.length > 9) return { ok: false, tekst: 'Een BSN heeft 9 cijfers.' };
  if (!elfproef(text)) return { ok: false, tekst: 'Dit BSN klopt niet (elfproef). Controleer de cijfers.' };
  return { ok: true, tekst: 'Dit BSN is geldig (elfproef).' };
}
